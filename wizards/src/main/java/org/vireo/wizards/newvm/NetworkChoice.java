package org.vireo.wizards.newvm;

/** The new VM's NIC: on one of the host's virtual networks, on a host bridge, or none. */
public sealed interface NetworkChoice {
    record VirtualNetwork(String name) implements NetworkChoice {
    }

    record Bridge(String name) implements NetworkChoice {
    }

    record None() implements NetworkChoice {
    }
}

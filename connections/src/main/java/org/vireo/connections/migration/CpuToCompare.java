package org.vireo.connections.migration;

import java.util.Objects;

/**
 * A guest's CPU as a destination must offer it, and how the guest is run there.
 *
 * @param xml      the guest's custom CPU, or the source host's CPU when the guest uses the host's
 * @param virtType the domain's type ({@code kvm}, {@code qemu}, ...): a TCG guest ({@code qemu}) gets an emulated CPU
 *                 that does not depend on the host's, a KVM guest only what the host's CPU has
 * @param arch     the guest's architecture, or null for the host's
 */
record CpuToCompare(String xml, String virtType, String arch) {
    CpuToCompare {
        Objects.requireNonNull(xml, "xml");
    }
}

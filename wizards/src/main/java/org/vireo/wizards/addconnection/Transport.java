package org.vireo.wizards.addconnection;

/** How libvirt is reached: on this machine, or over SSH (the only remote transport the fields build). */
public enum Transport {
    LOCAL, SSH;

    public String messageKey() {
        return "addConnection.transport." + name();
    }
}

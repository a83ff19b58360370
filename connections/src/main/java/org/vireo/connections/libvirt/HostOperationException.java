package org.vireo.connections.libvirt;

/** A libvirt call for a host failed; the message is ready to show ("Cannot start 'web1' on host-a: ..."). */
public class HostOperationException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostOperationException(String message) {
        super(message);
    }

    public HostOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}

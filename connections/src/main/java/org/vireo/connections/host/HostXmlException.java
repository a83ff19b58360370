package org.vireo.connections.host;

/** A host sent XML we cannot read; the message names the document and the problem. */
public final class HostXmlException extends Exception {
    public HostXmlException(String message) {
        super(message);
    }

    public HostXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}

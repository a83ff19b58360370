package org.vireo.connections.domain;

/** Domain or snapshot XML that cannot be read; the message names where ("line 3, column 7: ..."). */
public class DomainXmlException extends Exception {
    private static final long serialVersionUID = 1L;

    public DomainXmlException(String message, Throwable cause) {
        super(message, cause);
    }

    public DomainXmlException(String message) {
        super(message);
    }
}

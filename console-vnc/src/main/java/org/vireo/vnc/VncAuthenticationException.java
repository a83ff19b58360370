package org.vireo.vnc;

/** The server refused the credentials (or offered no security type this client supports). */
public class VncAuthenticationException extends VncProtocolException {
    private static final long serialVersionUID = 1L;

    public VncAuthenticationException(String message) {
        super(message);
    }

    public VncAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.vireo.vnc;

import java.io.IOException;

/** The server sent something this client cannot accept: the session ends with this as the reason. */
public class VncProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public VncProtocolException(String message) {
        super(message);
    }

    public VncProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.vireo.connections.nodelist;

/** A row that cannot be imported; the message is the reason shown to the user. */
final class InvalidRowException extends Exception {
    InvalidRowException(String reason) {
        super(reason, null, false, false);
    }
}

package org.vireo.connections.model;

/** Lifecycle of one host connection, as shown in the host tree. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, LOST, RECONNECTING;

    public boolean isConnected() {
        return this == CONNECTED;
    }
}

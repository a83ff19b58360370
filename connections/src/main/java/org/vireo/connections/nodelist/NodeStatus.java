package org.vireo.connections.nodelist;

/** What importing one row would do. */
public enum NodeStatus {
    /** Would be added. */
    NEW,
    /** A saved connection already has this URI: nothing is changed. */
    ALREADY_PRESENT,
    /** An earlier row of the same file gives the same URI. */
    DUPLICATE_IN_FILE,
    /** Cannot be imported; the row's reason says why. */
    INVALID
}

package org.vireo.vnc;

/** XVP power actions (rfbproto "xvp Client Message"), each with its message code. */
public enum XvpAction {
    SHUTDOWN(2), REBOOT(3), RESET(4);

    final int code;

    XvpAction(int code) {
        this.code = code;
    }
}

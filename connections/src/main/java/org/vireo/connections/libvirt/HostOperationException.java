package org.vireo.connections.libvirt;

import org.vireo.resources.LocalizedException;
import org.vireo.resources.Text;

/**
 * A libvirt call for a host failed; the message is ready to show ("Cannot start 'web1' on host-a: ..."), in English
 * by {@link #getMessage()} and in the user's language by {@link #text()}.
 */
public class HostOperationException extends LocalizedException {
    private static final long serialVersionUID = 1L;

    public HostOperationException(Text text, Throwable cause) {
        super(text, cause);
    }
}

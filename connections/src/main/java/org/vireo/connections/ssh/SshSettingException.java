package org.vireo.connections.ssh;

import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Text;

/**
 * An SSH connection URI or jump host setting Vireo cannot use; the message names the setting and what is wrong
 * ({@link #getMessage()} in English, {@link #text()} in the user's language).
 */
public class SshSettingException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    public SshSettingException(Text text) {
        this(text, null);
    }

    public SshSettingException(Text text, Throwable cause) {
        super(text, cause);
    }
}

package org.vireo.app.dialog;

import java.util.List;
import org.vireo.app.about.Versions;
import org.vireo.connections.libvirt.LibvirtClientVersion;
import org.vireo.resources.Messages;

/** What "Copy details" puts on the clipboard: the error, its exception chain, and the versions for a bug report. */
public final class ErrorDetails {
    private ErrorDetails() {
    }

    /** @param error may be null */
    public static String text(String title, String message, Throwable error, Messages messages) {
        StringBuilder out = new StringBuilder(title).append('\n').append(message).append("\n\n");
        if (error != null) {
            out.append(FxDialogService.stackTrace(error)).append('\n');
        }
        // The client library's version only when already read: this runs on the FX thread.
        out.append(Versions.local(LibvirtClientVersion.ifRead().orElse(null), List.of()).text(messages));
        return out.toString();
    }
}

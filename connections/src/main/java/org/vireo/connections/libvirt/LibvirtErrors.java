package org.vireo.connections.libvirt;

import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.vireo.resources.Localized;
import org.vireo.resources.Text;

/** Turns what libvirt (or a missing libvirt library) throws into one short sentence for a user. */
public final class LibvirtErrors {
    private LibvirtErrors() {
    }

    /**
     * @param action what we tried, e.g. "Cannot connect to qemu+ssh://x/system" or "Cannot start 'web1' on host-a"
     * @return "{action}: {reason}"
     */
    public static String message(String action, Throwable error) {
        return action + ": " + reason(error);
    }

    /** "{action}: {reason}" in any language; {@code action} is a text of ours. */
    public static Text text(Text action, Throwable error) {
        return Text.of("libvirt.failed", action, reasonText(error));
    }

    /** The reason alone, in English. */
    public static String reason(Throwable error) {
        return reasonText(error).english();
    }

    /**
     * The reason alone: libvirt's own message (not ours to translate), what is missing on this machine, or the text
     * of a failure of ours (a host's refusal) as it is.
     */
    public static Text reasonText(Throwable error) {
        if (error instanceof Localized l) {
            return l.text();
        }
        if (error instanceof LibvirtException e) {
            Error detail = e.getError();
            String text = detail != null && detail.getMessage() != null ? detail.getMessage() : e.getMessage();
            return text == null || text.isBlank() ? Text.of("libvirt.noMessage") : Text.verbatim(text.strip());
        }
        if (isMissingLibrary(error)) {
            return Text.of("libvirt.missingLibrary");
        }
        String text = error.getMessage();
        return Text.verbatim(error.getClass().getSimpleName() + (text == null ? "" : ": " + text));
    }

    /**
     * JNA fails with UnsatisfiedLinkError (possibly inside ExceptionInInitializerError) the first time, then
     * with NoClassDefFoundError for org.libvirt.jna.Libvirt on every later use.
     */
    private static boolean isMissingLibrary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError
                    || (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).contains("libvirt"))) {
                return true;
            }
        }
        return false;
    }

    /** True when libvirt says the driver does not implement the call (e.g. keepalive on test:///). */
    public static boolean isNoSupport(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_SUPPORT;
    }

    /** True when libvirt says the domain does not exist (any more). */
    public static boolean isNoDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }
}

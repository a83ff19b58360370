package org.vireo.connections.libvirt;

import com.sun.jna.ptr.LongByReference;
import org.libvirt.jna.Libvirt;

/** The version of the libvirt client library this process loaded (virGetVersion), e.g. "9.0.0". */
public final class LibvirtClientVersion {
    /** The process loads one libvirt, so its version never changes once read. */
    private static volatile String read;

    private LibvirtClientVersion() {
    }

    /**
     * Loads libvirt when not yet loaded, so call it off the FX thread.
     *
     * @throws IllegalStateException when the library cannot be loaded or does not answer
     */
    public static String read() {
        LongByReference library = new LongByReference();
        int rc;
        try {
            rc = Libvirt.INSTANCE.virGetVersion(library, null, null);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("the libvirt client library (libvirt.so.0) cannot be loaded: "
                    + e.getMessage(), e);
        }
        if (rc < 0) {
            throw new IllegalStateException("virGetVersion failed (" + rc + ")");
        }
        read = HostReader.formatVersion(library.getValue());
        return read;
    }

    /** The version when {@link #read()} ran before; never loads the library (safe on the FX thread). */
    public static java.util.Optional<String> ifRead() {
        return java.util.Optional.ofNullable(read);
    }
}

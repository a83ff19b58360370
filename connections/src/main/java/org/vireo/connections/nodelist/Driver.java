package org.vireo.connections.nodelist;

import java.util.Locale;
import java.util.Optional;

/** The hypervisor a host name becomes a URI for, the way virt-manager writes them. */
public enum Driver {
    QEMU("qemu+ssh", "/system"),
    XEN("xen+ssh", "/");

    private final String scheme;
    private final String path;

    Driver(String scheme, String path) {
        this.scheme = scheme;
        this.path = path;
    }

    public String scheme() {
        return scheme;
    }

    public String path() {
        return path;
    }

    /** The name users type: qemu or xen. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts qemu, kvm (an alias users reach for) and xen, any case. */
    public static Optional<Driver> fromId(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "qemu", "kvm" -> Optional.of(QEMU);
            case "xen" -> Optional.of(XEN);
            default -> Optional.empty();
        };
    }
}

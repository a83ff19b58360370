package org.vireo.wizards.addconnection;

import java.util.List;

/**
 * The hypervisor drivers the dialog builds URIs for, with the paths virsh users write for each.
 * {@link #CUSTOM} means "the URI field is the truth": any libvirt URI, kept exactly as typed.
 */
public enum Hypervisor {
    QEMU("qemu", List.of("/system", "/session")),
    XEN("xen", List.of("/system", "/")),
    TEST("test", List.of("/default")),
    CUSTOM(null, List.of());

    private final String driver;
    private final List<String> paths;

    Hypervisor(String driver, List<String> paths) {
        this.driver = driver;
        this.paths = paths;
    }

    /** libvirt driver name in the URI scheme; null for {@link #CUSTOM}. */
    public String driver() {
        return driver;
    }

    /** Paths offered for this driver, the default first. */
    public List<String> paths() {
        return paths;
    }

    /** Whether {@code path} is one this driver's fields can express (the test driver also takes a file). */
    boolean accepts(String path) {
        return this == TEST ? path.startsWith("/") && path.length() > 1 : paths.contains(path);
    }

    /** Message key of the label shown to the user. */
    public String messageKey() {
        return "addConnection.hypervisor." + name();
    }

    static Hypervisor forDriver(String driver) {
        for (Hypervisor h : values()) {
            if (h.driver != null && h.driver.equals(driver)) {
                return h;
            }
        }
        return CUSTOM;
    }
}

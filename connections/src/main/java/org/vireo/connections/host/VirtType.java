package org.vireo.connections.host;

import java.util.Locale;
import java.util.Optional;

/**
 * How a guest is virtualized: the pair (domain type, OS type) of libvirt's capabilities.
 * {@link #TEST} is libvirt's test driver, which the wizard treats like any host.
 */
public enum VirtType {
    KVM("kvm", "hvm", "kvm", "KVM"),
    QEMU("qemu", "hvm", "qemu", "QEMU (emulation)"),
    XEN_PV("xen", "xen", "xen-pv", "Xen paravirtualized"),
    XEN_HVM("xen", "hvm", "xen-hvm", "Xen fully virtualized"),
    TEST("test", "hvm", "test", "test driver");

    private final String domainType;
    private final String osType;
    private final String cliName;
    private final String label;

    VirtType(String domainType, String osType, String cliName, String label) {
        this.domainType = domainType;
        this.osType = osType;
        this.cliName = cliName;
        this.label = label;
    }

    /** {@code <domain type='...'>} */
    public String domainType() {
        return domainType;
    }

    /** {@code <os><type>...</type>}: hvm, or xen for paravirtualized Xen guests. */
    public String osType() {
        return osType;
    }

    /** As {@code vireo create --virt-type} takes it (virt-install's names). */
    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public boolean isXen() {
        return domainType.equals("xen");
    }

    /** Full machine emulation with firmware, disks on buses, video: everything but Xen PV. */
    public boolean isHvm() {
        return osType.equals("hvm");
    }

    /**
     * The virt type a capabilities guest entry offers; {@code linux} is libvirt's old name for Xen PV.
     * Empty for pairs the wizard does not create (e.g. xenpvh, exe, uml).
     */
    public static Optional<VirtType> of(String domainType, String osType) {
        String os = osType.equals("linux") ? "xen" : osType;
        for (VirtType t : values()) {
            if (t.domainType.equals(domainType) && t.osType.equals(os)) {
                return Optional.of(t);
            }
        }
        if (domainType.equals("test")) {
            return Optional.of(TEST); // the test driver also lists os_type xen: one test type is enough
        }
        return Optional.empty();
    }

    public static Optional<VirtType> fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (VirtType t : values()) {
            if (t.cliName.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

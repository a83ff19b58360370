package org.vireo.connections.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <guest>} × {@code <arch>} of the host's capabilities: what it can run and with what.
 *
 * @param osType    hvm, xen (or linux), …
 * @param machines  machine type names as listed (aliases such as {@code pc} and {@code q35} included)
 * @param canonical alias → the versioned machine it stands for ({@code pc} → {@code pc-i440fx-7.2})
 * @param loader    the guest-level firmware loader some drivers report (Xen's hvmloader), or ""
 */
public record GuestCapability(String osType, String arch, int wordSize, String emulator, String loader,
                              List<String> machines, Map<String, String> canonical, List<String> domainTypes) {
    public GuestCapability {
        machines = List.copyOf(machines);
        canonical = Map.copyOf(canonical);
        domainTypes = List.copyOf(domainTypes);
    }

    public boolean offers(VirtType type) {
        return domainTypes.stream().anyMatch(d -> VirtType.of(d, osType).filter(type::equals).isPresent());
    }

    /**
     * The machine to ask for, for a family such as {@code q35} or {@code pc}: the alias when the host lists it
     * (libvirt expands it to the newest version), else the newest versioned name of that family, else the first.
     */
    public Optional<String> machineFor(String family) {
        if (machines.isEmpty()) {
            return Optional.empty();
        }
        if (family != null && machines.contains(family)) {
            return Optional.of(family);
        }
        String prefix = "q35".equals(family) ? "pc-q35-" : "pc".equals(family) ? "pc-i440fx-" : null;
        if (prefix != null) {
            Optional<String> newest = machines.stream().filter(m -> m.startsWith(prefix))
                    .max(GuestCapability::compareVersions);
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.of(machines.get(0));
    }

    private static int compareVersions(String a, String b) {
        String[] va = a.replaceAll("^\\D*", "").split("\\.");
        String[] vb = b.replaceAll("^\\D*", "").split("\\.");
        for (int i = 0; i < Math.max(va.length, vb.length); i++) {
            int x = i < va.length ? parse(va[i]) : 0;
            int y = i < vb.length ? parse(vb[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

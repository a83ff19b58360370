package org.vireo.wizards.newvm;

import java.util.Locale;
import java.util.Optional;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.StorageVolumeInfo;

/** The checks the wizard's pages and {@code vireo create} share: what the host can give, and names it accepts. */
public final class DraftChecks {
    private static final long GIB = 1024L * 1024 * 1024;

    private DraftChecks() {
    }

    public static Optional<String> name(String name, HostFacts facts) {
        return VmNames.problem(name, facts.domainNames());
    }

    public static Optional<String> memoryAndCpus(int memoryMiB, int vcpus, HostFacts facts) {
        if (memoryMiB < 64) {
            return Optional.of("Give the VM at least 64 MiB of memory.");
        }
        if (vcpus < 1) {
            return Optional.of("Give the VM at least one vCPU.");
        }
        if (memoryMiB * 1024L > facts.freeMemoryKiB()) {
            return Optional.of(String.format(Locale.ROOT, "%d MiB is more than the %d MiB the host has free.",
                    memoryMiB, facts.freeMemoryKiB() / 1024));
        }
        if (vcpus > facts.cpus()) {
            return Optional.of(vcpus + " vCPUs are more than the host's " + facts.cpus() + " CPUs.");
        }
        return Optional.empty();
    }

    public static Optional<String> newVolume(StorageChoice.NewVolume volume, HostFacts facts) {
        boolean none = volume.pool() == null || volume.pool().isBlank();
        Optional<StoragePoolInfo> pool = none ? Optional.empty() : facts.pool(volume.pool());
        if (pool.isEmpty() || !pool.get().active()) {
            return Optional.of(none
                    ? "Choose a storage pool (the host has no active pool: create one first)."
                    : "The host has no active storage pool '" + volume.pool() + "'.");
        }
        if (volume.sizeGiB() < 1) {
            return Optional.of("The disk needs at least 1 GiB.");
        }
        if (volume.sizeGiB() * GIB > pool.get().availableBytes()) {
            return Optional.of(String.format(Locale.ROOT, "%d GiB is more than the %s free in pool %s.",
                    volume.sizeGiB(), Placement.gib(pool.get().availableBytes() / 1024), pool.get().name()));
        }
        if (pool.get().volumes().stream().map(StorageVolumeInfo::name).anyMatch(volume.volumeName()::equals)) {
            return Optional.of("Pool " + pool.get().name() + " already has a volume " + volume.volumeName() + ".");
        }
        return Optional.empty();
    }

    /** "pool/volume" when it names a volume of the host; anything else is a path on the host. */
    public static DiskRef diskRef(String text, HostFacts facts) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (facts != null && slash > 0) {
            String p = t.substring(0, slash);
            String v = t.substring(slash + 1);
            if (facts.volumes().stream().anyMatch(vol -> vol.pool().equals(p) && vol.name().equals(v))) {
                return new DiskRef.PoolVolume(p, v);
            }
        }
        return new DiskRef.FilePath(t);
    }

    public static final String LOCATION_UNSUPPORTED = "Network installs need the tree's kernel and initrd on the host,"
            + " which Vireo cannot fetch yet: use install media, network boot or an imported disk.";
}

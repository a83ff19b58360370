package org.vireo.wizards.newvm;

import java.util.Optional;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.StorageVolumeInfo;
import org.vireo.resources.Messages;

/** The checks the wizard's pages and {@code vireo create} share: what the host can give, and names it accepts. */
public final class DraftChecks {
    private static final long GIB = 1024L * 1024 * 1024;

    private DraftChecks() {
    }

    public static Optional<String> name(Messages messages, String name, HostFacts facts) {
        return VmNames.problem(messages, name, facts.domainNames());
    }

    public static Optional<String> memoryAndCpus(Messages messages, int memoryMiB, int vcpus, HostFacts facts) {
        if (memoryMiB < 64) {
            return Optional.of(messages.get("newVm.check.memoryMin"));
        }
        if (vcpus < 1) {
            return Optional.of(messages.get("newVm.check.vcpuMin"));
        }
        if (memoryMiB * 1024L > facts.freeMemoryKiB()) {
            return Optional.of(messages.get("newVm.check.memoryFree", Integer.toString(memoryMiB),
                    Long.toString(facts.freeMemoryKiB() / 1024)));
        }
        if (vcpus > facts.cpus()) {
            return Optional.of(messages.get("newVm.check.vcpuMax", vcpus, facts.cpus()));
        }
        return Optional.empty();
    }

    public static Optional<String> newVolume(Messages messages, StorageChoice.NewVolume volume, HostFacts facts) {
        boolean none = volume.pool() == null || volume.pool().isBlank();
        Optional<StoragePoolInfo> pool = none ? Optional.empty() : facts.pool(volume.pool());
        if (pool.isEmpty() || !pool.get().active()) {
            return Optional.of(none
                    ? messages.get("newVm.check.noPool")
                    : messages.get("newVm.check.poolMissing", volume.pool()));
        }
        if (volume.sizeGiB() < 1) {
            return Optional.of(messages.get("newVm.check.diskMin"));
        }
        if (volume.sizeGiB() * GIB > pool.get().availableBytes()) {
            return Optional.of(messages.get("newVm.check.diskFree", Long.toString(volume.sizeGiB()),
                    Placement.gib(pool.get().availableBytes() / 1024), pool.get().name()));
        }
        if (pool.get().volumes().stream().map(StorageVolumeInfo::name).anyMatch(volume.volumeName()::equals)) {
            return Optional.of(messages.get("newVm.check.volumeTaken", pool.get().name(), volume.volumeName()));
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

    /** Why network installs cannot be made yet. */
    public static String locationUnsupported(Messages messages) {
        return messages.get("newVm.check.locationUnsupported");
    }
}

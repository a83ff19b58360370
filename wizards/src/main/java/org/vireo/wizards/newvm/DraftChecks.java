package org.vireo.wizards.newvm;

import java.util.Optional;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.StorageVolumeInfo;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/**
 * The checks the wizard's pages and {@code vireo create} share: what the host can give, and names it accepts.
 * Problems come back in the language of {@code messages}.
 */
public final class DraftChecks {
    private static final long GIB = 1024L * 1024 * 1024;

    private DraftChecks() {
    }

    public static Optional<String> name(String name, HostFacts facts, Messages messages) {
        return VmNames.problem(name, facts.domainNames(), messages);
    }

    public static Optional<String> memoryAndCpus(int memoryMiB, int vcpus, HostFacts facts, Messages messages) {
        if (memoryMiB < 64) {
            return Optional.of(messages.get("newVm.err.memoryMin", "64"));
        }
        if (vcpus < 1) {
            return Optional.of(messages.get("newVm.err.vcpusMin"));
        }
        if (memoryMiB * 1024L > facts.freeMemoryKiB()) {
            return Optional.of(messages.get("newVm.err.memoryMax", Integer.toString(memoryMiB),
                    Long.toString(facts.freeMemoryKiB() / 1024)));
        }
        if (vcpus > facts.cpus()) {
            return Optional.of(messages.get("newVm.err.vcpusMax", Integer.toString(vcpus),
                    Integer.toString(facts.cpus())));
        }
        return Optional.empty();
    }

    public static Optional<String> newVolume(StorageChoice.NewVolume volume, HostFacts facts, Messages messages) {
        boolean none = volume.pool() == null || volume.pool().isBlank();
        Optional<StoragePoolInfo> pool = none ? Optional.empty() : facts.pool(volume.pool());
        if (pool.isEmpty() || !pool.get().active()) {
            return Optional.of(none ? messages.get("newVm.err.noPool")
                    : messages.get("newVm.err.poolNotActive", volume.pool()));
        }
        if (volume.sizeGiB() < 1) {
            return Optional.of(messages.get("newVm.err.diskMin"));
        }
        if (volume.sizeGiB() * GIB > pool.get().availableBytes()) {
            return Optional.of(messages.get("newVm.err.diskMax", Long.toString(volume.sizeGiB()),
                    new Units(messages).gib(pool.get().availableBytes() / 1024), pool.get().name()));
        }
        if (pool.get().volumes().stream().map(StorageVolumeInfo::name).anyMatch(volume.volumeName()::equals)) {
            return Optional.of(messages.get("newVm.err.volumeExists", pool.get().name(), volume.volumeName()));
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
}

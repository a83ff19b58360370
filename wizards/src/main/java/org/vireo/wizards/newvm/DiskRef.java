package org.vireo.wizards.newvm;

/** A disk image the host already has: a volume of one of its pools, or a path on the host. */
public sealed interface DiskRef {
    record PoolVolume(String pool, String volume) implements DiskRef {
        @Override
        public String describe() {
            return pool + "/" + volume;
        }
    }

    record FilePath(String path) implements DiskRef {
        @Override
        public String describe() {
            return path;
        }
    }

    /** How the user wrote it: pool/volume or the path. */
    String describe();

    /** Image format by its name: .qcow2 → qcow2, anything else raw (what libvirt assumes, too). */
    default String guessFormat() {
        return describe().toLowerCase(java.util.Locale.ROOT).endsWith(".qcow2") ? "qcow2" : "raw";
    }
}

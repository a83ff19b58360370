package org.vireo.wizards.newvm;

/** Where the new VM's OS comes from (step 1 of the wizard). */
public sealed interface InstallSource {
    enum Kind { CDROM, LOCATION, PXE, IMPORT }

    Kind kind();

    /** Local install media: an ISO the host has. */
    record Cdrom(DiskRef iso) implements InstallSource {
        @Override
        public Kind kind() {
            return Kind.CDROM;
        }
    }

    /**
     * Network install from a distribution tree. libvirt cannot fetch a kernel from a URL: {@code kernelPath} and
     * {@code initrdPath} are files on the host once fetched ("" before), and the domain boots them directly.
     * {@code tree} is what {@link DistroTree} found at the URL (null until read); the install job fetches from it.
     */
    record Location(String url, String kernelArgs, String kernelPath, String initrdPath, TreeMedia tree)
            implements InstallSource {
        /** Before the tree was read. */
        public Location(String url, String kernelArgs, String kernelPath, String initrdPath) {
            this(url, kernelArgs, kernelPath, initrdPath, null);
        }

        @Override
        public Kind kind() {
            return Kind.LOCATION;
        }

        public boolean fetched() {
            return !kernelPath.isEmpty() && !initrdPath.isEmpty();
        }
    }

    /** Network boot (PXE) from the first NIC. */
    record Pxe() implements InstallSource {
        @Override
        public Kind kind() {
            return Kind.PXE;
        }
    }

    /** Boot an existing disk image; the wizard creates no storage. */
    record Import(DiskRef disk, String format) implements InstallSource {
        @Override
        public Kind kind() {
            return Kind.IMPORT;
        }
    }
}

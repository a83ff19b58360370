package org.vireo.app.newvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;

/**
 * What the new-VM tests need on a test-bed host, made by the test and removed after it: a transient dir pool
 * under the bed's state folder with a small qcow2 (qemu-img) and a small ISO (xorriso), and a transient isolated
 * network (a bridge without address: nothing listens on it). {@link #close()} removes every domain whose name
 * starts with {@link #prefix()}, the pool with its volumes, its folder and the network, then closes its own
 * connection to the host ({@link #conn()}, which tests use to look at what Vireo made).
 */
final class HostScratch implements AutoCloseable {
    private final Connect conn;
    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final Path dir;
    private StoragePool pool;
    private Network network;

    private HostScratch(Connect conn, Path stateDir) throws IOException, LibvirtException, InterruptedException {
        this.conn = conn;
        this.dir = stateDir.resolve("newvm-test-" + id);
        Files.createDirectories(dir);
        run("qemu-img", "create", "-q", "-f", "qcow2", dir.resolve("disk.qcow2").toString(), "64M");
        makeIso(dir.resolve("media.iso"));
        pool = conn.storagePoolCreateXML("<pool type='dir'><name>" + poolName() + "</name><target><path>" + dir
                + "</path></target></pool>", 0);
        network = conn.networkCreateXML("<network><name>" + networkName() + "</name><bridge name='vnvt" + id
                + "' stp='off'/></network>");
    }

    /** Scratch on the host at {@code uri}, through a connection of its own. */
    static HostScratch open(String uri, Path stateDir) throws IOException, LibvirtException, InterruptedException {
        Connect conn = new Connect(uri);
        try {
            return new HostScratch(conn, stateDir);
        } catch (IOException | LibvirtException | InterruptedException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    Connect conn() {
        return conn;
    }

    String prefix() {
        return "nvt" + id + "-";
    }

    String poolName() {
        return "vireo-newvm-" + id;
    }

    String networkName() {
        return "vireo-newvm-" + id;
    }

    String vmName(String what) {
        return prefix() + what;
    }

    List<String> volumes() throws LibvirtException {
        pool.refresh(0);
        return List.of(pool.listVolumes());
    }

    /** A small ISO 9660 image with one text file, made with xorriso (Debian package xorriso). */
    static void makeIso(Path target) throws IOException, InterruptedException {
        Path isoRoot = Files.createTempDirectory(target.getParent(), "iso-root");
        try {
            Files.writeString(isoRoot.resolve("README.TXT"), "Vireo new-VM test media\n", StandardCharsets.UTF_8);
            run("xorriso", "-as", "mkisofs", "-quiet", "-V", "VIREOTEST", "-o", target.toString(), isoRoot.toString());
        } finally {
            deleteTree(isoRoot);
        }
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(argv[0] + " did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + p.exitValue() + "): " + out
                    + (argv[0].equals("xorriso") ? " — install the Debian package xorriso" : ""));
        }
    }

    @Override
    public void close() throws LibvirtException, IOException {
        try {
            removeEverything();
        } finally {
            conn.close();
        }
    }

    private void removeEverything() throws LibvirtException, IOException {
        List<String> failures = new ArrayList<>();
        for (Domain d : conn.listAllDomains(0)) {
            try {
                if (d.getName().startsWith(prefix())) {
                    boolean persistent = d.isPersistent() == 1; // a transient domain is gone once destroyed
                    if (d.isActive() == 1) {
                        d.destroy();
                    }
                    if (persistent) {
                        d.undefine(4); // VIR_DOMAIN_UNDEFINE_NVRAM: UEFI guests leave a vars file
                    }
                }
            } catch (LibvirtException e) {
                failures.add(e.getMessage());
            } finally {
                d.free();
            }
        }
        if (pool != null) {
            pool.refresh(0);
            for (String volume : pool.listVolumes()) {
                pool.storageVolLookupByName(volume).delete(0);
            }
            pool.destroy();
        }
        if (network != null) {
            network.destroy();
        }
        deleteTree(dir);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not remove test VMs: " + failures);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

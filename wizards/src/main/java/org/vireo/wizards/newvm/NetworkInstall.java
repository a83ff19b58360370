package org.vireo.wizards.newvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.resources.Localized;
import org.vireo.resources.Messages;

/**
 * Gets a tree's installer onto the host: downloads kernel and initrd (bounded, on a thread of its own), uploads
 * each into a pool of the host ({@link IsoUpload}), and reads their paths there. A failure removes the volumes
 * uploaded so far; the local copies always go.
 */
public final class NetworkInstall {
    private final HostConnection host;
    private final TreeHttp http;
    private final Messages messages;

    public NetworkInstall(HostConnection host, TreeHttp http, Messages messages) {
        this.host = host;
        this.http = http;
        this.messages = messages;
    }

    /** Reads the tree at {@code url} off the caller's thread (a daemon thread per call: it blocks on the network). */
    public static CompletableFuture<TreeMedia> detect(String url, String arch, boolean xenPv, TreeHttp http,
                                                      Messages messages) {
        return offThread(() -> DistroTree.detect(url, arch, xenPv, http, new CancelToken(), messages));
    }

    /**
     * @param vmName names the volumes ({@code NAME-install-kernel}, {@code NAME-install-initrd})
     * @param pool   the host's pool the files go to
     */
    public CompletableFuture<KernelBoot> prepare(String vmName, TreeMedia tree, String userArgs, String pool,
                                                 CancelToken cancel, Consumer<String> progress) {
        List<DiskRef.PoolVolume> uploaded = new ArrayList<>();
        CompletableFuture<Path> dir = offThread(() -> {
            Path d = Files.createTempDirectory("vireo-netinst");
            progress.accept(NewVmJob.asProgress(messages.get("newVm.step.download", tree.kernel())));
            http.download(tree.kernel(), d.resolve("kernel"), http.limits().kernelBytes(), cancel, n -> { });
            progress.accept(NewVmJob.asProgress(messages.get("newVm.step.download", tree.initrd())));
            http.download(tree.initrd(), d.resolve("initrd"), http.limits().initrdBytes(), cancel, n -> { });
            return d;
        });
        CompletableFuture<KernelBoot> boot = dir.thenCompose(d -> upload(d.resolve("kernel"), pool,
                vmName + "-install-kernel", uploaded, cancel, progress))
                .thenCompose(k -> upload(dir.join().resolve("initrd"), pool,
                        vmName + "-install-initrd", uploaded, cancel, progress))
                .thenCompose(i -> host.call(conn -> {
                    StoragePool p = conn.storagePoolLookupByName(pool);
                    try {
                        List<String> paths = new ArrayList<>();
                        for (DiskRef.PoolVolume v : uploaded) {
                            StorageVol vol = p.storageVolLookupByName(v.volume());
                            paths.add(vol.getPath());
                            vol.free();
                        }
                        return new KernelBoot(paths.get(0), paths.get(1), tree.cmdline(userArgs), uploaded);
                    } finally {
                        p.free();
                    }
                }));
        CompletableFuture<KernelBoot> result = new CompletableFuture<>();
        boot.whenComplete((done, error) -> {
            dir.thenAccept(NetworkInstall::deleteQuietly);
            if (error == null) {
                result.complete(done);
                return;
            }
            removeVolumes(host, uploaded).whenComplete((x, ignored) -> result.completeExceptionally(
                    new NewVmException(reason(error), cancel.isCancelled(), unwrap(error))));
        });
        return result;
    }

    private CompletableFuture<IsoUpload.Uploaded> upload(Path file, String pool, String volume,
                                                         List<DiskRef.PoolVolume> uploaded, CancelToken cancel,
                                                         Consumer<String> progress) {
        progress.accept(NewVmJob.asProgress(messages.get("newVm.step.uploadBoot", volume, pool)));
        return new IsoUpload(host, file, pool, volume, messages).run(cancel, n -> { }).thenApply(u -> {
            uploaded.add(new DiskRef.PoolVolume(u.pool(), u.volume()));
            return u;
        });
    }

    /** Deletes the installer's volumes on the host's thread; the result names those that could not be deleted. */
    public static CompletableFuture<List<String>> removeVolumes(HostConnection host, List<DiskRef.PoolVolume> volumes) {
        return host.call(conn -> deleteVolumes(conn, volumes));
    }

    /** On the host's thread: deletes each volume, returning "pool/volume (reason)" for those that stay. */
    static List<String> deleteVolumes(org.libvirt.Connect conn, List<DiskRef.PoolVolume> volumes) {
        List<String> failures = new ArrayList<>();
        for (DiskRef.PoolVolume v : volumes) {
            try {
                StoragePool p = conn.storagePoolLookupByName(v.pool());
                try {
                    StorageVol vol = p.storageVolLookupByName(v.volume());
                    vol.delete(0);
                    vol.free();
                } finally {
                    p.free();
                }
            } catch (org.libvirt.LibvirtException e) {
                failures.add(v.describe() + " (" + LibvirtErrors.reason(e) + ")");
            }
        }
        return failures;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Already in the user's language (our exceptions and the host's texts), else libvirt's own reason. */
    private String reason(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof TreeException || t instanceof NewVmException || t instanceof Localized
                ? Localized.describe(t, messages) : LibvirtErrors.reasonText(t).in(messages);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp folder left behind is the system's to clean; the install itself is unaffected
        }
    }

    @FunctionalInterface
    private interface Blocking<T> {
        T get() throws Exception;
    }

    private static <T> CompletableFuture<T> offThread(Blocking<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        }, "vireo-netinstall");
        t.setDaemon(true);
        t.start();
        return f;
    }
}

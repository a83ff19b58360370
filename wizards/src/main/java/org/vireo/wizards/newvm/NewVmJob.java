package org.vireo.wizards.newvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.resources.Messages;

/**
 * The install: fetch a network install's kernel and initrd onto the host, create the volume, define the domain,
 * start it (unless the user customizes first). The libvirt steps run on the host's thread; the
 * {@link CancelToken} is checked between steps. Whatever fails — or a cancel — removes what this job created,
 * newest first, and the error says which step failed and what was removed.
 */
public final class NewVmJob {
    /**
     * What the job made: the domain's UUID and whether it was started.
     *
     * @param pending what "Begin installation" and "Cancel installation" need when the VM was only defined
     *                (customize before install); null when it was started
     */
    public record Created(String hostId, String uuid, String name, boolean started, PendingInstall pending) {
        public Created(String hostId, String uuid, String name, boolean started) {
            this(hostId, uuid, name, started, null);
        }
    }

    /** VIR_DOMAIN_UNDEFINE_NVRAM: a UEFI guest's vars file goes with it (libvirt refuses to undefine otherwise). */
    static final int UNDEFINE_NVRAM = 4;

    private final HostConnection host;
    private final VmDraft draft;
    private final String domainXml;
    private final Messages messages;
    private final TreeHttp http;

    /** @param domainXml the draft's XML for this host ({@link DomainXml#build}); for a network install, the
     *                   XML of later boots (from disk): the installer's kernel is added for the first start only */
    public NewVmJob(HostConnection host, VmDraft draft, String domainXml, Messages messages, TreeHttp http) {
        this.host = host;
        this.draft = draft;
        this.domainXml = domainXml;
        this.messages = messages;
        this.http = http;
    }

    public NewVmJob(HostConnection host, VmDraft draft, String domainXml) {
        this(host, draft, domainXml, Messages.forDefaultLocale(),
                new TreeHttp(TreeHttp.Limits.standard(), Messages.forDefaultLocale()));
    }

    /** @param progress told of each step as it begins (on the host's thread: hand it on, don't block) */
    public CompletableFuture<Created> run(CancelToken cancel, Consumer<String> progress) {
        if (draft.source() instanceof InstallSource.Location location && !location.fetched()) {
            if (location.tree() == null) {
                return CompletableFuture.failedFuture(new NewVmException(
                        messages.get("newVm.err.treeNotRead", location.url()), false, null));
            }
            return new NetworkInstall(host, http, messages)
                    .prepare(draft.name(), location.tree(), location.kernelArgs(), bootPool(), cancel, progress)
                    .thenCompose(boot -> host.call(conn -> new Run(conn, cancel, progress, boot).execute()));
        }
        return host.call(conn -> new Run(conn, cancel, progress, null).execute());
    }

    /** The installer's files go to the pool of the VM's disk, else the host's "default" pool. */
    private String bootPool() {
        if (draft.storage() instanceof StorageChoice.NewVolume nv) {
            return nv.pool();
        }
        if (draft.storage() instanceof StorageChoice.Existing ex && ex.disk() instanceof DiskRef.PoolVolume pv) {
            return pv.pool();
        }
        return "default";
    }

    /**
     * Starts a defined VM for the first time: with the installer's kernel when {@code boot} is set (a transient
     * live definition over the persistent one, which keeps booting from disk), then the installer's volumes go.
     * On the host's thread.
     *
     * @return the installer volumes that could not be removed (normally none)
     */
    static List<String> firstStart(Connect conn, Domain domain, KernelBoot boot) throws LibvirtException {
        if (boot == null) {
            domain.create();
            return List.of();
        }
        Domain live = conn.domainCreateXML(boot.injectInto(domain.getXMLDesc(0)), 0);
        live.free();
        return NetworkInstall.deleteVolumes(conn, boot.volumes());
    }

    /** A step ("define the VM 'x'") as the progress line shows it ("Define the VM 'x'…"). */
    static String asProgress(String step) {
        return step.isEmpty() ? step : Character.toUpperCase(step.charAt(0)) + step.substring(1) + "\u2026";
    }

    private final class Run {
        private final Connect conn;
        private final CancelToken cancel;
        private final Consumer<String> progress;
        private final KernelBoot boot;
        private final List<String> removed = new ArrayList<>();
        private StorageVol volume;
        private DiskRef.PoolVolume volumeRef;
        private Domain domain;
        private String step;

        Run(Connect conn, CancelToken cancel, Consumer<String> progress, KernelBoot boot) {
            this.conn = conn;
            this.cancel = cancel;
            this.progress = progress;
            this.boot = boot;
        }

        Created execute() {
            try {
                if (draft.storage() instanceof StorageChoice.NewVolume nv) {
                    begin(messages.get("newVm.step.createVolume", nv.pool() + "/" + nv.volumeName()));
                    StoragePool pool = conn.storagePoolLookupByName(nv.pool());
                    try {
                        volume = pool.storageVolCreateXML(VolumeXml.build(nv), 0);
                        volumeRef = new DiskRef.PoolVolume(nv.pool(), nv.volumeName());
                    } finally {
                        pool.free();
                    }
                }
                begin(messages.get("newVm.step.define", draft.name()));
                domain = conn.domainDefineXML(domainXml);
                String uuid = domain.getUUIDString();
                boolean start = !draft.customize();
                if (start) {
                    begin(messages.get(boot == null ? "newVm.step.start" : "newVm.step.startKernel", draft.name()));
                    List<String> left = firstStart(conn, domain, boot);
                    if (!left.isEmpty()) {
                        progress.accept(messages.get("newVm.err.bootVolumesLeft", String.join(", ", left)));
                    }
                }
                checkCancel();
                domain.free();
                if (volume != null) {
                    volume.free();
                }
                PendingInstall pending = start ? null : new PendingInstall(boot,
                        volumeRef == null ? List.of() : List.of(volumeRef), draft.openConsole());
                return new Created(draft.hostId(), uuid, draft.name(), start, pending);
            } catch (LibvirtException | IllegalArgumentException e) {
                cleanUp();
                throw new NewVmException(messages.get("newVm.err.stepFailed", step, host.displayName(),
                        LibvirtErrors.reasonText(e).in(messages).replaceAll("\\.+$", "")) + removedText(), false, e);
            } catch (CancelledException e) {
                cleanUp();
                throw new NewVmException(messages.get("newVm.err.cancelledBefore", step) + removedText(), true, e);
            }
        }

        private void begin(String what) throws CancelledException {
            checkCancel();
            step = what;
            progress.accept(asProgress(what));
        }

        private void checkCancel() throws CancelledException {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
        }

        private String removedText() {
            return removed.isEmpty() ? "." : messages.get("newVm.err.removedAgain", String.join(", ", removed));
        }

        /** Newest first: a running domain is stopped before it is undefined, then its volumes go. */
        private void cleanUp() {
            if (domain != null) {
                try {
                    DomainInfo info = domain.getInfo();
                    if (info.state == DomainInfo.DomainState.VIR_DOMAIN_RUNNING
                            || info.state == DomainInfo.DomainState.VIR_DOMAIN_PAUSED) {
                        domain.destroy();
                    }
                    domain.undefine(UNDEFINE_NVRAM);
                    removed.add(messages.get("newVm.removed.definition", draft.name()));
                } catch (LibvirtException e) {
                    removed.add(messages.get("newVm.removed.notDefinition", draft.name(), LibvirtErrors.reasonText(e).in(messages)));
                }
            }
            if (volume != null) {
                try {
                    String name = volume.getName();
                    volume.delete(0);
                    removed.add(messages.get("newVm.removed.volume", name));
                } catch (LibvirtException e) {
                    removed.add(messages.get("newVm.removed.notVolume", LibvirtErrors.reasonText(e).in(messages)));
                }
            }
            if (boot != null) {
                List<String> left = NetworkInstall.deleteVolumes(conn, boot.volumes());
                boot.volumes().stream().filter(v -> left.stream().noneMatch(l -> l.startsWith(v.describe() + " ")))
                        .forEach(v -> removed.add(messages.get("newVm.removed.volume", v.describe())));
                left.forEach(l -> removed.add(messages.get("newVm.removed.notVolume", l)));
            }
        }
    }

    private static final class CancelledException extends Exception {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}

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

/**
 * The install: create the volume, define the domain, start it (unless the user customizes first). Runs on the
 * host's thread; the {@link CancelToken} is checked between steps. Whatever fails — or a cancel — removes what
 * this job created, newest first, and the error says which step failed and what was removed.
 */
public final class NewVmJob {
    /** What the job made: the domain's UUID and whether it was started. */
    public record Created(String hostId, String uuid, String name, boolean started) {
    }

    private final HostConnection host;
    private final VmDraft draft;
    private final String domainXml;

    /** @param domainXml the draft's XML for this host ({@link DomainXml#build}) */
    public NewVmJob(HostConnection host, VmDraft draft, String domainXml) {
        this.host = host;
        this.draft = draft;
        this.domainXml = domainXml;
    }

    /** @param progress told of each step as it begins (on the host's thread: hand it on, don't block) */
    public CompletableFuture<Created> run(CancelToken cancel, Consumer<String> progress) {
        return host.call(conn -> new Run(conn, cancel, progress).execute());
    }

    private final class Run {
        private final Connect conn;
        private final CancelToken cancel;
        private final Consumer<String> progress;
        private final List<String> removed = new ArrayList<>();
        private StorageVol volume;
        private Domain domain;
        private String step;

        Run(Connect conn, CancelToken cancel, Consumer<String> progress) {
            this.conn = conn;
            this.cancel = cancel;
            this.progress = progress;
        }

        Created execute() {
            try {
                if (draft.storage() instanceof StorageChoice.NewVolume nv) {
                    begin("create the volume " + nv.pool() + "/" + nv.volumeName());
                    StoragePool pool = conn.storagePoolLookupByName(nv.pool());
                    try {
                        volume = pool.storageVolCreateXML(VolumeXml.build(nv), 0);
                    } finally {
                        pool.free();
                    }
                }
                begin("define the VM '" + draft.name() + "'");
                domain = conn.domainDefineXML(domainXml);
                String uuid = domain.getUUIDString();
                boolean start = !draft.customize();
                if (start) {
                    begin("start the VM '" + draft.name() + "'");
                    domain.create();
                }
                checkCancel();
                domain.free();
                if (volume != null) {
                    volume.free();
                }
                return new Created(draft.hostId(), uuid, draft.name(), start);
            } catch (LibvirtException e) {
                cleanUp();
                throw new NewVmException("Could not " + step + " on " + host.displayName() + ": "
                        + LibvirtErrors.reason(e).replaceAll("\\.+$", "") + removedText(), false, e);
            } catch (CancelledException e) {
                cleanUp();
                throw new NewVmException("Cancelled before the step '" + step + "'" + removedText(), true, e);
            }
        }

        private void begin(String what) throws CancelledException {
            checkCancel();
            step = what;
            progress.accept(Character.toUpperCase(what.charAt(0)) + what.substring(1) + "…");
        }

        private void checkCancel() throws CancelledException {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
        }

        private String removedText() {
            return removed.isEmpty() ? "." : ". Removed again: " + String.join(", ", removed) + ".";
        }

        /** Newest first: a running domain is stopped before it is undefined, then its volume goes. */
        private void cleanUp() {
            if (domain != null) {
                try {
                    DomainInfo info = domain.getInfo();
                    if (info.state == DomainInfo.DomainState.VIR_DOMAIN_RUNNING
                            || info.state == DomainInfo.DomainState.VIR_DOMAIN_PAUSED) {
                        domain.destroy();
                    }
                    domain.undefine();
                    removed.add("the definition of '" + draft.name() + "'");
                } catch (LibvirtException e) {
                    removed.add("NOT the definition of '" + draft.name() + "' (" + LibvirtErrors.reason(e) + ")");
                }
            }
            if (volume != null) {
                try {
                    String name = volume.getName();
                    volume.delete(0);
                    removed.add("the volume " + name);
                } catch (LibvirtException e) {
                    removed.add("NOT the new volume (" + LibvirtErrors.reason(e) + ")");
                }
            }
        }
    }

    private static final class CancelledException extends Exception {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}

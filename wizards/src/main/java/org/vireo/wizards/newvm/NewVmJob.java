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
    private final Messages messages;

    /** @param domainXml the draft's XML for this host ({@link DomainXml#build}); progress and errors in English */
    public NewVmJob(HostConnection host, VmDraft draft, String domainXml) {
        this(host, draft, domainXml, new Messages(java.util.Locale.ROOT));
    }

    /** @param messages the language of the progress lines and errors */
    public NewVmJob(HostConnection host, VmDraft draft, String domainXml, Messages messages) {
        this.host = host;
        this.draft = draft;
        this.domainXml = domainXml;
        this.messages = messages;
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
                    begin("newVm.job.volume", nv.pool() + "/" + nv.volumeName());
                    StoragePool pool = conn.storagePoolLookupByName(nv.pool());
                    try {
                        volume = pool.storageVolCreateXML(VolumeXml.build(nv), 0);
                    } finally {
                        pool.free();
                    }
                }
                begin("newVm.job.define", draft.name());
                domain = conn.domainDefineXML(domainXml);
                String uuid = domain.getUUIDString();
                boolean start = !draft.customize();
                if (start) {
                    begin("newVm.job.start", draft.name());
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
                throw new NewVmException(messages.get("newVm.job.failed", step, host.displayName(),
                        LibvirtErrors.reason(e).replaceAll("\\.+$", ""), removedText()), false, e);
            } catch (CancelledException e) {
                cleanUp();
                throw new NewVmException(messages.get("newVm.job.cancelled", step, removedText()), true, e);
            }
        }

        /** @param key the step's action ("create the volume X"); key + ".progress" is its progress line */
        private void begin(String key, String subject) throws CancelledException {
            checkCancel();
            step = messages.get(key, subject);
            progress.accept(messages.get(key + ".progress", subject));
        }

        private void checkCancel() throws CancelledException {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
        }

        private String removedText() {
            return removed.isEmpty() ? messages.get("newVm.job.removedNothing")
                    : messages.get("newVm.job.removed", String.join(", ", removed));
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
                    removed.add(messages.get("newVm.job.removed.definition", draft.name()));
                } catch (LibvirtException e) {
                    removed.add(messages.get("newVm.job.notRemoved.definition", draft.name(), LibvirtErrors.reason(e)));
                }
            }
            if (volume != null) {
                try {
                    String name = volume.getName();
                    volume.delete(0);
                    removed.add(messages.get("newVm.job.removed.volume", name));
                } catch (LibvirtException e) {
                    removed.add(messages.get("newVm.job.notRemoved.volume", LibvirtErrors.reason(e)));
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

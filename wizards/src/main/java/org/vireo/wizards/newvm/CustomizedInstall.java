package org.vireo.wizards.newvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;

/**
 * "Customize before install": the wizard defined the VM and the user edits it in the details; then either
 * "Begin installation" starts it as the wizard would have (a network install on the installer's kernel, once), or
 * "Cancel installation" removes what the wizard created. Both run on the host's thread.
 */
public final class CustomizedInstall {
    private CustomizedInstall() {
    }

    /** Starts the (possibly edited) definition for the first time; the installer's files go afterwards. */
    public static CompletableFuture<List<String>> begin(HostConnection host, NewVmJob.Created created) {
        PendingInstall pending = pending(created);
        return host.call(conn -> {
            Domain domain = conn.domainLookupByUUIDString(created.uuid());
            try {
                return NewVmJob.firstStart(conn, domain, pending.boot());
            } finally {
                domain.free();
            }
        });
    }

    /**
     * Stops and undefines the VM and deletes the volumes the wizard made for it.
     *
     * @return what could not be removed, "what (why)" each; empty when everything went
     */
    public static CompletableFuture<List<String>> cancel(HostConnection host, NewVmJob.Created created) {
        PendingInstall pending = pending(created);
        return host.call(conn -> {
            List<String> left = new ArrayList<>();
            try {
                Domain domain = conn.domainLookupByUUIDString(created.uuid());
                try {
                    if (domain.isActive() == 1) {
                        domain.destroy();
                    }
                    domain.undefine(NewVmJob.UNDEFINE_NVRAM);
                } finally {
                    domain.free();
                }
            } catch (LibvirtException e) {
                left.add("'" + created.name() + "' (" + LibvirtErrors.reason(e) + ")");
            }
            left.addAll(NetworkInstall.deleteVolumes(conn, pending.allVolumes()));
            return left;
        });
    }

    private static PendingInstall pending(NewVmJob.Created created) {
        if (created.pending() == null) {
            throw new IllegalArgumentException("'" + created.name() + "' was started by the wizard: nothing pending");
        }
        return created.pending();
    }
}

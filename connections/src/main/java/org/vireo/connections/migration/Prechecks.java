package org.vireo.connections.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.libvirt.CPUCompareResult;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.connections.migration.PrecheckProblem.Kind;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Localized;
import org.w3c.dom.Document;

/**
 * Reads the facts on the source (on its host thread), then on the destination (on its), and applies
 * {@link PrecheckRules}. Nothing is changed on either host.
 */
public final class Prechecks {
    /** How much memory a host has free for a new guest, in bytes. */
    @FunctionalInterface
    public interface FreeMemory {
        long of(Connect conn) throws LibvirtException;
    }

    private final FreeMemory freeMemory;

    /** Free memory as libvirt reports it (virNodeGetFreeMemory). */
    public Prechecks() {
        this(Connect::getFreeMemory);
    }

    public Prechecks(FreeMemory freeMemory) {
        this.freeMemory = freeMemory;
    }

    /** The problems found; an empty list means the migration may start. Never fails for a libvirt error: it becomes a problem. */
    public CompletableFuture<List<PrecheckProblem>> run(MigrationRequest request) {
        HostConnection source = request.source();
        HostConnection dest = request.destination();
        List<PrecheckProblem> early = new ArrayList<>();
        for (HostConnection host : List.of(source, dest)) {
            HostSnapshot s = host.snapshot();
            if (!s.state().isConnected()) {
                early.add(PrecheckProblem.of(Kind.NOT_CONNECTED, "precheck.notConnected", host.displayName()));
            }
        }
        if (source.id().equals(dest.id())) {
            early.add(PrecheckProblem.of(Kind.SAME_HOST, "precheck.sameHost", source.displayName()));
        }
        if (!early.isEmpty()) {
            return CompletableFuture.completedFuture(early);
        }
        boolean live = request.options().mode() == MigrationMode.LIVE;
        return source.call(conn -> readSource(conn, source, request.vmUuid(), live))
                .thenCompose(facts -> dest.call(conn -> readDestination(conn, dest, facts))
                        .thenApply(destFacts -> PrecheckRules.evaluate(facts, destFacts, request.options())))
                .exceptionally(error -> List.of(asProblem(error, request)));
    }

    private static PrecheckProblem asProblem(Throwable error, MigrationRequest request) {
        Throwable cause = Localized.unwrapped(error);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LibvirtException le && LibvirtErrors.isNoDomain(le)) {
                return PrecheckProblem.of(Kind.VM_NOT_FOUND, "precheck.vmNotFound", request.vmUuid(),
                        request.source().displayName());
            }
        }
        // Our own failures say themselves in the user's language; libvirt's text is kept as libvirt wrote it.
        return PrecheckProblem.of(Kind.NOT_CONNECTED, "precheck.error", Localized.textOf(cause));
    }

    /**
     * Only a live migration needs the destination to offer the guest's CPU, and only the running guest's live
     * XML says which CPU it really got (the stored definition may ask for features the host silently drops).
     * An offline guest is checked when it next starts.
     */
    private static SourceFacts readSource(Connect conn, HostConnection host, String uuid, boolean live)
            throws LibvirtException {
        Domain domain = conn.domainLookupByUUIDString(uuid);
        try {
            Document xml = MigrationXml.parse(domain.getXMLDesc(0));
            DomainInfo info = domain.getInfo();
            VmState state = VmState.fromLibvirt(info.state == null ? -1 : info.state.ordinal());
            Document caps = MigrationXml.parse(conn.getCapabilities());
            Optional<String> cpu = live && state.isActive() ? MigrationXml.guestCpuModel(xml) : Optional.empty();
            if (live && cpu.isEmpty() && MigrationXml.usesHostCpu(xml)) {
                cpu = MigrationXml.hostCpu(caps);
            }
            Optional<CpuToCompare> toCompare = cpu.map(cpuXml -> new CpuToCompare(cpuXml, MigrationXml.virtType(xml),
                    MigrationXml.arch(xml)));
            return new SourceFacts(host.id(), MigrationTargets.label(host.snapshot()), MigrationXml.hostUuid(caps),
                    conn.getType(), uuid, domain.getName(), state, domain.isPersistent() == 1, info.memory, toCompare,
                    MigrationXml.diskPaths(xml));
        } finally {
            domain.free();
        }
    }

    private DestinationFacts readDestination(Connect conn, HostConnection host, SourceFacts source)
            throws LibvirtException {
        Set<String> names = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (Domain d : conn.listAllDomains(0)) {
            try {
                names.add(d.getName());
                uuids.add(d.getUUIDString());
            } finally {
                d.free();
            }
        }
        CPUCompareResult cpu = source.cpuToCompare().isPresent()
                ? HypervisorCpu.compare(conn, source.cpuToCompare().get()) : null;
        List<String> missing = new ArrayList<>();
        for (String path : source.diskPaths()) {
            if (!hasVolume(conn, path)) {
                missing.add(path);
            }
        }
        return new DestinationFacts(host.id(), MigrationTargets.label(host.snapshot()), MigrationXml.hostUuid(MigrationXml.parse(conn.getCapabilities())),
                conn.getType(), names, uuids, freeMemory.of(conn), cpu, missing);
    }

    static boolean hasVolume(Connect conn, String path) throws LibvirtException {
        StorageVol vol;
        try {
            vol = conn.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            if (e.getError() != null && (e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL
                    || LibvirtErrors.isNoSupport(e))) {
                return false;
            }
            throw e;
        }
        vol.free();
        return true;
    }
}

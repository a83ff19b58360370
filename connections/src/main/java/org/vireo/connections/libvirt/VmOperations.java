package org.vireo.connections.libvirt;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInterface;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.vireo.connections.domain.CloneXml;
import org.vireo.connections.domain.DiskInfo;
import org.vireo.connections.domain.DomainDescription;
import org.vireo.connections.domain.DomainXmlException;
import org.vireo.connections.domain.HardwareEdit;
import org.vireo.connections.domain.LineDiff;
import org.vireo.connections.domain.SnapshotInfo;
import org.vireo.connections.domain.Xml;
import org.vireo.resources.Text;

/**
 * VM operations beyond start/stop on one host: managed save, autostart, rename, delete with storage, clone,
 * snapshots and configuration edits. Each runs on the host's own thread through
 * {@link HostConnection#domainCall}, which re-reads the VM afterwards; failures are
 * {@link HostOperationException}s naming the VM and the host.
 */
public final class VmOperations {
    private static final System.Logger LOG = System.getLogger(VmOperations.class.getName());
    static final int XML_SECURE = 1;
    static final int XML_INACTIVE = 2;
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;
    private static final int UNDEFINE_NVRAM = 4;
    private static final int SNAPSHOT_DISK_ONLY = 16;

    private static final VmAction RENAME = VmAction.of("vm.cannot.rename");
    private static final VmAction CLONE = VmAction.of("vm.cannot.clone");
    private static final VmAction LIST_SNAPSHOTS = VmAction.of("vm.cannot.listSnapshots");
    private static final VmAction CHANGE_CONFIGURATION = VmAction.of("vm.cannot.changeConfiguration");
    private static final VmAction APPLY_XML = VmAction.of("vm.cannot.applyXml");
    private static final Text MUST_BE_SHUT_OFF = Text.of("vm.mustBeShutOff");

    private final HostConnection host;

    public VmOperations(HostConnection host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    public HostConnection host() {
        return host;
    }

    /** Saves the guest's memory to the host and stops it; {@link #restore} (= start) resumes it. */
    public CompletableFuture<Void> managedSave(String uuid) {
        return host.domainCall(uuid, VmAction.of("vm.cannot.save"), (c, d) -> {
            d.managedSave();
            return null;
        });
    }

    public CompletableFuture<Void> restore(String uuid) {
        return host.start(uuid);
    }

    public CompletableFuture<Void> reset(String uuid) {
        return host.reset(uuid);
    }

    public CompletableFuture<Void> setAutostart(String uuid, boolean on) {
        return host.domainCall(uuid, VmAction.of(on ? "vm.cannot.autostartOn" : "vm.cannot.autostartOff"), (c, d) -> {
            d.setAutostart(on);
            return null;
        });
    }

    /** Renames a shut-off VM (virDomainRename). */
    public CompletableFuture<Void> rename(String uuid, String newName) {
        String name = requireName(newName);
        return host.domainCall(uuid, RENAME, (c, d) -> {
            if (d.isActive() == 1) {
                throw failure(RENAME, uuid, MUST_BE_SHUT_OFF);
            }
            try {
                LibvirtNative.rename(d, name);
            } catch (LibvirtNative.NativeCallException e) {
                throw failure(RENAME, uuid, Text.verbatim(e.getMessage()));
            }
            return null;
        });
    }

    /** The VM's disks (from its inactive XML), to choose which volumes a delete removes too. */
    public CompletableFuture<List<DiskInfo>> disks(String uuid) {
        return host.domainCall(uuid, VmAction.of("vm.cannot.readDisks"), (c, d) -> describe(uuid, inactiveXml(d)).disks());
    }

    /**
     * Deletes the VM: forced off if running, undefined together with its managed-save image, snapshot metadata
     * and NVRAM, then each volume in {@code volumePaths} is deleted. Volumes that fail are reported together after
     * the VM itself is gone.
     */
    public CompletableFuture<Void> delete(String uuid, Collection<String> volumePaths) {
        List<String> paths = List.copyOf(volumePaths);
        return host.domainCall(uuid, VmAction.of("vm.cannot.delete"), (c, d) -> {
            String xml = inactiveXml(d);
            boolean nvram = Xml.path(parse(uuid, xml).getDocumentElement(), "os", "nvram").isPresent();
            if (d.isActive() == 1) {
                d.destroy();
            }
            int flags = UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA | (nvram ? UNDEFINE_NVRAM : 0);
            if (d.isPersistent() == 1) {
                d.undefine(flags);
            }
            List<String> failed = new ArrayList<>();
            for (String path : paths) {
                try {
                    StorageVol vol = c.storageVolLookupByPath(path);
                    try {
                        vol.delete(0);
                    } finally {
                        vol.free();
                    }
                } catch (LibvirtException e) {
                    failed.add(path + " (" + LibvirtErrors.reason(e) + ")");
                }
            }
            if (!failed.isEmpty()) {
                throw failure(VmAction.of("vm.cannot.deleteStorage"), uuid,
                        Text.of("vm.deletedButNotStorage", String.join(", ", failed)));
            }
            return null;
        });
    }

    /**
     * Clones a shut-off VM: a full copy of each of its own disk volumes in the same pool, then a new domain from
     * the inactive XML (new name, no UUID or MACs, the copies as disks). What was made is removed on failure.
     *
     * @return the clone's UUID
     */
    public CompletableFuture<String> cloneVm(String uuid, String newName) {
        String name = requireName(newName);
        CompletableFuture<String> cloned = host.domainCall(uuid, CLONE, (c, d) -> {
            if (d.isActive() == 1) {
                throw failure(CLONE, uuid, MUST_BE_SHUT_OFF);
            }
            String xml = inactiveXml(d);
            DomainDescription source = describe(uuid, xml);
            List<StorageVol> made = new ArrayList<>();
            try {
                Map<String, String> newPaths = copyDisks(c, uuid, source, name, made);
                Domain clone = c.domainDefineXML(CloneXml.of(xml, name, newPaths));
                try {
                    return clone.getUUIDString();
                } finally {
                    clone.free();
                }
            } catch (DomainXmlException e) {
                removeQuietly(made);
                throw failure(CLONE, uuid, e.text());
            } catch (LibvirtException | HostOperationException | RuntimeException e) {
                removeQuietly(made);
                throw e;
            } finally {
                for (StorageVol vol : made) {
                    vol.free();
                }
            }
        });
        return cloned.thenCompose(newUuid -> host.refresh().thenApply(ignored -> newUuid));
    }

    private Map<String, String> copyDisks(Connect c, String uuid, DomainDescription source, String name,
                                          List<StorageVol> made) throws LibvirtException, HostOperationException {
        Map<String, String> newPaths = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (DiskInfo disk : source.disks()) {
            if (!disk.ownsStorage()) {
                continue;
            }
            StorageVol vol;
            StoragePool pool;
            if (disk.volume() != null) {
                pool = c.storagePoolLookupByName(disk.pool());
                vol = pool.storageVolLookupByName(disk.volume());
            } else {
                try {
                    vol = c.storageVolLookupByPath(disk.sourcePath());
                } catch (LibvirtException e) {
                    throw failure(CLONE, uuid, Text.of("vm.clone.diskNotVolume", disk.target(), disk.sourcePath()));
                }
                pool = vol.storagePoolLookupByVolume();
            }
            try {
                String volName = cloneVolumeName(vol.getName(), source.name(), name, used);
                StorageVol copy = pool.storageVolCreateXMLFrom(volumeXml(vol, volName), vol, 0);
                made.add(copy);
                if (disk.volume() != null) {
                    newPaths.put(disk.pool() + "/" + disk.volume(), volName);
                } else {
                    newPaths.put(disk.sourcePath(), copy.getPath());
                }
            } finally {
                vol.free();
                pool.free();
            }
        }
        return newPaths;
    }

    /** "web1.qcow2" of "web1" cloned as "web3" → "web3.qcow2"; otherwise "NEW-<old name>"; unique per clone. */
    static String cloneVolumeName(String oldVolume, String oldVm, String newVm, Set<String> used) {
        String base = oldVolume.startsWith(oldVm) ? newVm + oldVolume.substring(oldVm.length()) : newVm + "-" + oldVolume;
        String candidate = base;
        int dot = base.lastIndexOf('.');
        for (int i = 2; !used.add(candidate); i++) {
            candidate = dot > 0 ? base.substring(0, dot) + "-" + i + base.substring(dot) : base + "-" + i;
        }
        return candidate;
    }

    private static String volumeXml(StorageVol vol, String name) throws LibvirtException {
        String format = "raw";
        try {
            format = Xml.path(Xml.parse(vol.getXMLDesc(0)).getDocumentElement(), "target", "format")
                    .map(f -> f.getAttribute("type")).filter(t -> !t.isEmpty()).orElse("raw");
        } catch (DomainXmlException e) {
            LOG.log(System.Logger.Level.DEBUG, "unreadable volume XML, copying as raw: {0}", e.getMessage());
        }
        long capacity = vol.getInfo().capacity;
        return "<volume><name>" + escape(name) + "</name><capacity unit='bytes'>" + capacity
                + "</capacity><target><format type='" + escape(format) + "'/></target></volume>";
    }

    private static void removeQuietly(List<StorageVol> volumes) {
        for (StorageVol vol : volumes) {
            try {
                vol.delete(0);
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove a half-made clone volume: {0}",
                        LibvirtErrors.reason(e));
            }
        }
    }

    // ---- snapshots -------------------------------------------------------------------------------------

    /** Every snapshot with its parent; {@code current} marks the domain's current one. */
    public CompletableFuture<List<SnapshotInfo>> snapshots(String uuid) {
        return host.domainCall(uuid, LIST_SNAPSHOTS, (c, d) -> {
            String current = null;
            if (d.hasCurrentSnapshot() == 1) {
                DomainSnapshot snap = d.snapshotCurrent();
                try {
                    current = SnapshotInfo.parse(snap.getXMLDesc(), false).name();
                } catch (DomainXmlException e) {
                    throw failure(LIST_SNAPSHOTS, uuid, e.text());
                } finally {
                    snap.free();
                }
            }
            List<SnapshotInfo> out = new ArrayList<>();
            for (String name : d.snapshotListNames()) {
                DomainSnapshot snap = d.snapshotLookupByName(name);
                try {
                    out.add(SnapshotInfo.parse(snap.getXMLDesc(), name.equals(current)));
                } catch (DomainXmlException e) {
                    throw failure(LIST_SNAPSHOTS, uuid, Text.of("vm.snapshotUnreadable", name, e.text()));
                } finally {
                    snap.free();
                }
            }
            return out;
        });
    }

    /**
     * Takes a snapshot. A shut-off VM gets a disk snapshot; a running one with {@code withMemory} an internal
     * snapshot including its memory, without it an external disk-only snapshot (the guest keeps running).
     */
    public CompletableFuture<Void> createSnapshot(String uuid, String name, String description, boolean withMemory) {
        String snapName = requireName(name);
        return host.domainCall(uuid, VmAction.of("vm.cannot.snapshot"), (c, d) -> {
            boolean running = d.isActive() == 1;
            StringBuilder xml = new StringBuilder("<domainsnapshot><name>").append(escape(snapName)).append("</name>");
            if (description != null && !description.isBlank()) {
                xml.append("<description>").append(escape(description.strip())).append("</description>");
            }
            int flags = 0;
            if (running && !withMemory) {
                xml.append("<memory snapshot='no'/>");
                flags = SNAPSHOT_DISK_ONLY;
            }
            xml.append("</domainsnapshot>");
            d.snapshotCreateXML(xml.toString(), flags).free();
            return null;
        });
    }

    public CompletableFuture<Void> revertSnapshot(String uuid, String name) {
        return host.domainCall(uuid, VmAction.of("vm.cannot.revertSnapshot", name), (c, d) -> {
            DomainSnapshot snap = d.snapshotLookupByName(name);
            try {
                d.revertToSnapshot(snap);
            } finally {
                snap.free();
            }
            return null;
        });
    }

    /** Deletes one snapshot; its children move up to its parent. */
    public CompletableFuture<Void> deleteSnapshot(String uuid, String name) {
        return host.domainCall(uuid, VmAction.of("vm.cannot.deleteSnapshot", name), (c, d) -> {
            DomainSnapshot snap = d.snapshotLookupByName(name);
            try {
                snap.delete(0);
            } finally {
                snap.free();
            }
            return null;
        });
    }

    // ---- configuration ----------------------------------------------------------------------------------

    /** The persistent configuration as XML (secrets included: editing must not drop a VNC password). */
    public CompletableFuture<String> inactiveXml(String uuid) {
        return host.domainCall(uuid, HostConnection.READ_XML, (c, d) -> inactiveXml(d));
    }

    /** What the details page shows: the parsed configuration and the addresses the host knows. */
    public CompletableFuture<VmDetails> details(String uuid) {
        return host.domainCall(uuid, VmAction.of("vm.cannot.readDetails"), (c, d) -> {
            String xml = inactiveXml(d);
            return new VmDetails(xml, describe(uuid, xml), d.isActive() == 1 ? addresses(d) : List.of());
        });
    }

    /**
     * Applies a hardware edit to a FRESH copy of the inactive XML (only the edited elements change), defines it
     * and logs the diff.
     *
     * @return the changed lines ("- old", "+ new"); empty when the edit changed nothing
     */
    public CompletableFuture<List<String>> applyEdit(String uuid, HardwareEdit edit) {
        return host.domainCall(uuid, CHANGE_CONFIGURATION, (c, d) -> {
            String before = inactiveXml(d);
            String after;
            try {
                after = edit.applyTo(before);
            } catch (DomainXmlException e) {
                throw failure(CHANGE_CONFIGURATION, uuid, e.text());
            }
            // Compared with the same serializer's output, so quoting style alone is no change.
            List<String> changes = LineDiff.changes(Xml.serialize(parse(uuid, before)), after);
            if (!changes.isEmpty()) {
                define(c, uuid, after);
                LOG.log(System.Logger.Level.INFO, "{0} on {1}: configuration changed:\n{2}", host.vmNameOf(uuid),
                        host.displayName(), String.join("\n", changes));
            }
            return changes;
        });
    }

    /**
     * Defines the user's own XML for the VM, validated by libvirt. The XML must keep the VM's UUID (another UUID
     * would define a second VM).
     */
    public CompletableFuture<Void> defineXml(String uuid, String xml) {
        return host.domainCall(uuid, APPLY_XML, (c, d) -> {
            DomainDescription parsed = describe(uuid, xml);
            if (parsed.uuid() != null && !parsed.uuid().equalsIgnoreCase(uuid)) {
                throw failure(APPLY_XML, uuid, Text.of("vm.xml.otherUuid", parsed.uuid(), uuid));
            }
            String before = inactiveXml(d);
            define(c, uuid, xml);
            LOG.log(System.Logger.Level.INFO, "{0} on {1}: XML replaced:\n{2}", host.vmNameOf(uuid), host.displayName(),
                    String.join("\n", LineDiff.changes(before, xml)));
            return null;
        });
    }

    private void define(Connect c, String uuid, String xml) throws HostOperationException {
        try {
            LibvirtNative.defineValidated(c, xml);
        } catch (LibvirtNative.NativeCallException e) {
            throw failure(VmAction.of("vm.cannot.applyConfiguration"), uuid, Text.verbatim(e.getMessage()));
        }
    }

    private static String inactiveXml(Domain d) throws LibvirtException {
        return d.getXMLDesc(XML_SECURE | XML_INACTIVE);
    }

    private DomainDescription describe(String uuid, String xml) throws HostOperationException {
        try {
            return DomainDescription.parse(xml);
        } catch (DomainXmlException e) {
            throw failure(HostConnection.READ_XML, uuid, e.text());
        }
    }

    private org.w3c.dom.Document parse(String uuid, String xml) throws HostOperationException {
        try {
            return Xml.parse(xml);
        } catch (DomainXmlException e) {
            throw failure(HostConnection.READ_XML, uuid, e.text());
        }
    }

    /** Addresses from DHCP leases, else from the guest agent; none when neither knows. */
    private static List<String> addresses(Domain d) {
        for (int source : new int[] {Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE,
                Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT}) {
            try {
                List<String> found = new ArrayList<>();
                for (DomainInterface nic : d.interfaceAddresses(source, 0)) {
                    if (nic.addrs == null) {
                        continue;
                    }
                    for (DomainInterface.InterfaceAddress a : nic.addrs) {
                        InetAddress address = a.address;
                        if (address != null && !address.isLoopbackAddress()) {
                            found.add(address.getHostAddress() + "/" + a.prefixLength);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (LibvirtException e) {
                // No agent, no leases or a driver without the call: the overview simply shows no address.
                LOG.log(System.Logger.Level.DEBUG, "no interface addresses from source {0}: {1}", source,
                        LibvirtErrors.reason(e));
            }
        }
        return List.of();
    }

    private HostOperationException failure(VmAction action, String uuid, Text reason) {
        return new HostOperationException(Text.of("libvirt.failed", action.on(host.vmNameOf(uuid), host.displayName()),
                reason), null);
    }

    private static String requireName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("the new name is empty");
        }
        return n;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    /**
     * @param xml         the inactive XML the description was read from
     * @param addresses   "192.168.122.10/24" as DHCP leases or the guest agent report them
     */
    public record VmDetails(String xml, DomainDescription description, List<String> addresses) {
        public VmDetails {
            addresses = List.copyOf(addresses);
        }
    }
}

package org.vireo.connections.host;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.NodeInfo;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo.StoragePoolState;
import org.libvirt.StorageVol;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.w3c.dom.Element;

/** Reads {@link HostFacts} from a host, on the host's own thread. */
public final class HostFactsReader {
    private HostFactsReader() {
    }

    /** Fails with the host's message (e.g. not connected) or a {@link HostXmlException} cause for unreadable XML. */
    public static CompletableFuture<HostFacts> read(HostConnection host) {
        return host.call(conn -> {
            try {
                return read(conn, host.displayName());
            } catch (HostXmlException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    public static HostFacts read(Connect conn, String hostName) throws LibvirtException, HostXmlException {
        HostCapabilities caps = HostCapabilities.parse(conn.getCapabilities(), hostName);
        Map<VirtType, DomainCapabilities> domCaps = new EnumMap<>(VirtType.class);
        String arch = caps.defaultArch();
        for (VirtType type : caps.virtTypes(arch)) {
            GuestCapability guest = caps.guest(type, arch).orElseThrow();
            String xml = DomainCapabilitiesCall.read(conn, guest.emulator().isEmpty() ? null : guest.emulator(), arch,
                    null, type.domainType());
            if (xml != null) {
                domCaps.put(type, DomainCapabilities.parse(xml, hostName));
            }
        }
        NodeInfo node = conn.nodeInfo();
        long freeKiB = FreeMemory.kibOrEstimate(conn);
        return new HostFacts(hostName, caps, domCaps, pools(conn), networks(conn), bridges(conn), freeKiB,
                node.memory, node.cpus, domainNames(conn));
    }

    /** Every pool, active or not, with the volumes of the active ones. */
    public static List<StoragePoolInfo> pools(Connect conn) throws LibvirtException {
        List<StoragePoolInfo> pools = new ArrayList<>();
        for (String name : concat(conn.listStoragePools(), conn.listDefinedStoragePools())) {
            StoragePool pool = conn.storagePoolLookupByName(name);
            try {
                org.libvirt.StoragePoolInfo info = pool.getInfo();
                boolean active = info.state == StoragePoolState.VIR_STORAGE_POOL_RUNNING;
                String type = poolType(pool.getXMLDesc(0));
                List<StorageVolumeInfo> volumes = new ArrayList<>();
                if (active) {
                    for (String volName : pool.listVolumes()) {
                        StorageVol vol = pool.storageVolLookupByName(volName);
                        try {
                            org.libvirt.StorageVolInfo volInfo = vol.getInfo();
                            volumes.add(new StorageVolumeInfo(name, volName, vol.getPath(), volInfo.capacity,
                                    volInfo.allocation));
                        } finally {
                            vol.free();
                        }
                    }
                }
                pools.add(new StoragePoolInfo(name, type, active, info.capacity, active ? info.allocation : 0,
                        active ? info.available : 0,
                        volumes));
            } finally {
                pool.free();
            }
        }
        // libvirt lists pools in no fixed order; users (and the wizard's choices) see them by name.
        pools.sort(java.util.Comparator.comparing(StoragePoolInfo::name));
        return pools;
    }

    private static String poolType(String xml) {
        try {
            return HostXml.parse(xml, "storage pool").getAttribute("type");
        } catch (HostXmlException e) {
            return ""; // the type is only shown; a pool we cannot describe is still usable
        }
    }

    /** Every virtual network, active ones first. */
    public static List<NetworkInfo> networks(Connect conn) throws LibvirtException {
        List<NetworkInfo> networks = new ArrayList<>();
        for (String name : conn.listNetworks()) {
            networks.add(network(conn, name, true));
        }
        for (String name : conn.listDefinedNetworks()) {
            networks.add(network(conn, name, false));
        }
        return networks;
    }

    private static NetworkInfo network(Connect conn, String name, boolean active) throws LibvirtException {
        Network network = conn.networkLookupByName(name);
        try {
            boolean autostart = network.getAutostart();
            try {
                return NetworkXml.parse(network.getXMLDesc(0), active, autostart);
            } catch (HostXmlException e) {
                return new NetworkInfo(name, active, "", autostart, "", ""); // still listed, its details unknown
            }
        } finally {
            network.free();
        }
    }

    /** Bridges from the interface driver; hosts without one (common: no netcf) simply list none. */
    private static List<String> bridges(Connect conn) throws LibvirtException {
        String[] names;
        try {
            names = conn.listInterfaces();
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoSupport(e)) {
                return List.of();
            }
            throw e;
        }
        List<String> bridges = new ArrayList<>();
        for (String name : names) {
            org.libvirt.Interface iface = conn.interfaceLookupByName(name);
            try {
                Element root = HostXml.parse(iface.getXMLDescription(0), "interface " + name);
                if ("bridge".equals(root.getAttribute("type"))) {
                    bridges.add(name);
                }
            } catch (HostXmlException e) {
                // an interface we cannot read is not offered
            } finally {
                iface.free();
            }
        }
        return bridges;
    }

    private static Set<String> domainNames(Connect conn) throws LibvirtException {
        Set<String> names = new HashSet<>();
        for (Domain d : conn.listAllDomains(0)) {
            try {
                names.add(d.getName());
            } finally {
                d.free();
            }
        }
        return names;
    }

    private static List<String> concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all;
    }
}

package org.vireo.connections.libvirt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;

/** The libvirt reads that turn a host and its domains into model records. Runs on the host's thread. */
final class HostReader {
    private HostReader() {
    }

    static HostInfo hostInfo(Connect conn, String fallbackHostname) throws LibvirtException {
        NodeInfo node = conn.nodeInfo();
        return new HostInfo(hostname(conn, fallbackHostname), conn.getType(), version(conn, false), version(conn, true),
                node.model, node.cpus, node.sockets, node.cores, node.threads, node.memory);
    }

    private static String hostname(Connect conn, String fallback) {
        try {
            return conn.getHostName();
        } catch (LibvirtException e) {
            return fallback; // some drivers cannot tell; the URI's host is the next best name
        }
    }

    private static String version(Connect conn, boolean library) {
        try {
            return formatVersion(library ? conn.getLibVersion() : conn.getVersion());
        } catch (LibvirtException e) {
            return "unknown"; // e.g. a hypervisor that does not report its version
        }
    }

    /** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + micro. */
    static String formatVersion(long encoded) {
        return (encoded / 1_000_000) + "." + (encoded / 1_000 % 1_000) + "." + (encoded % 1_000);
    }

    /** Every domain of the host, by UUID; three list calls plus one getInfo per domain. */
    static Map<String, VmInfo> allVms(Connect conn) throws LibvirtException {
        Set<String> autostart = uuids(conn.listAllDomains(Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_AUTOSTART));
        Set<String> persistent = uuids(conn.listAllDomains(Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_PERSISTENT));
        Domain[] domains = conn.listAllDomains(0);
        Map<String, VmInfo> vms = new HashMap<>();
        try {
            for (Domain domain : domains) {
                String uuid = domain.getUUIDString();
                try {
                    vms.put(uuid, vm(domain, uuid, autostart.contains(uuid), persistent.contains(uuid)));
                } catch (LibvirtException e) {
                    if (!LibvirtErrors.isNoDomain(e)) {
                        throw e;
                    }
                    // undefined between the list and getInfo: it is simply gone
                }
            }
        } finally {
            freeAll(domains);
        }
        return vms;
    }

    /** One domain, looked up again; null when it no longer exists. */
    static VmInfo vmOrNull(Connect conn, String uuid) throws LibvirtException {
        Domain domain = null;
        try {
            domain = conn.domainLookupByUUIDString(uuid);
            return vm(domain, uuid, domain.getAutostart(), domain.isPersistent() == 1);
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return null;
            }
            throw e;
        } finally {
            free(domain);
        }
    }

    private static VmInfo vm(Domain domain, String uuid, boolean autostart, boolean persistent) throws LibvirtException {
        DomainInfo info = domain.getInfo();
        VmState state = VmState.fromLibvirt(info.state == null ? -1 : info.state.ordinal());
        return new VmInfo(uuid, domain.getName(), state, info.nrVirtCpu, info.memory, info.maxMem,
                state.isActive() ? info.cpuTime : 0, persistent, autostart);
    }

    private static Set<String> uuids(Domain[] domains) throws LibvirtException {
        Set<String> uuids = new HashSet<>();
        try {
            for (Domain domain : domains) {
                uuids.add(domain.getUUIDString());
            }
        } finally {
            freeAll(domains);
        }
        return uuids;
    }

    private static void freeAll(Domain[] domains) throws LibvirtException {
        for (Domain domain : domains) {
            free(domain);
        }
    }

    /** Frees the native reference now instead of in a finalizer (polling would pile them up). */
    static void free(Domain domain) throws LibvirtException {
        if (domain != null) {
            domain.free();
        }
    }
}

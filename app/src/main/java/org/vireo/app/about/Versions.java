package org.vireo.app.about;

import java.util.ArrayList;
import java.util.List;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;

/**
 * The versions the About dialog shows and error reports carry: Vireo, the libvirt client library, JavaFX, Java,
 * the OS, and per connected host its libvirt daemon and hypervisor (read on the host's own thread at connect).
 *
 * @param libvirtClient null while not yet read
 */
public record Versions(String vireo, String libvirtClient, String javafx, String java, String os, List<Host> hosts) {

    /** One connected host's versions. */
    public record Host(String name, String uri, String libvirt, String hypervisor) {
    }

    public Versions {
        hosts = List.copyOf(hosts);
    }

    /** This process's versions; {@code libvirtClient} as read by the caller (off the FX thread), or null. */
    public static Versions local(String libvirtClient, List<HostSnapshot> hosts) {
        List<Host> connected = new ArrayList<>();
        for (HostSnapshot h : hosts) {
            HostInfo info = h.info();
            if (h.state().isConnected() && info != null) {
                connected.add(new Host(h.displayName(), h.uri(), info.libvirtVersion(),
                        info.hypervisor() + " " + info.hypervisorVersion()));
            }
        }
        return new Versions(vireoVersion(), libvirtClient, property("javafx.runtime.version"),
                property("java.runtime.version") + " (" + property("java.vendor") + ")",
                property("os.name") + " " + property("os.version") + " " + property("os.arch"), connected);
    }

    /** The version in the jar's manifest; builds without one (tests, IDE) say so. */
    public static String vireoVersion() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null ? "?" : value;
    }

    /** Plain text for the clipboard and bug reports, one fact per line. */
    public String text(Messages messages) {
        StringBuilder out = new StringBuilder();
        out.append(messages.get("about.vireo")).append(": ").append(vireo).append('\n')
                .append(messages.get("about.libvirtClient")).append(": ")
                .append(libvirtClient == null ? "?" : libvirtClient).append('\n')
                .append(messages.get("about.javafx")).append(": ").append(javafx).append('\n')
                .append(messages.get("about.java")).append(": ").append(java).append('\n')
                .append(messages.get("about.os")).append(": ").append(os).append('\n');
        for (Host h : hosts) {
            out.append(messages.get("about.hostLine", h.name(), h.uri(), h.libvirt(), h.hypervisor())).append('\n');
        }
        return out.toString();
    }
}

package org.vireo.app.console;

import java.nio.file.Files;
import java.nio.file.Path;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/** A diskless guest running on one test-bed host, removed by {@link #close()}; plus a test HOME for SSH. */
final class RunningGuest implements AutoCloseable {
    final Testbed.Host host;
    private final Testbed bed;
    final String name;
    final String uuid;
    private final TestGuests guests;
    private final String prefix;

    private RunningGuest(Testbed bed, Testbed.Host host, TestGuests guests, String prefix, String name, String uuid) {
        this.bed = bed;
        this.host = host;
        this.guests = guests;
        this.prefix = prefix;
        this.name = name;
        this.uuid = uuid;
    }

    static RunningGuest start(Testbed bed, Testbed.Host host, String prefix) throws Exception {
        return start(bed, host, prefix, xml -> xml);
    }

    /** A guest reset (Ctrl+Alt+Del in SeaBIOS) turns the VM off: {@code on_reboot=destroy}. */
    static String stopOnReset(String xml) {
        return replaceOnce(xml, "<on_reboot>restart</on_reboot>", "<on_reboot>destroy</on_reboot>");
    }

    /** The VNC server asks for {@code password}. */
    static java.util.function.UnaryOperator<String> vncPassword(String password) {
        return xml -> replaceOnce(xml, "<graphics type='vnc'", "<graphics type='vnc' passwd='" + password + "'");
    }

    private static String replaceOnce(String xml, String what, String with) {
        if (!xml.contains(what)) {
            throw new IllegalStateException("no " + what + " to change in " + xml);
        }
        return xml.replace(what, with);
    }

    /** @param edit changes the defined domain's XML (same name and UUID) before it starts */
    static RunningGuest start(Testbed bed, Testbed.Host host, String prefix, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        TestGuests guests = new TestGuests(bed);
        String name = TestGuests.uniqueName(prefix);
        Connect c = new Connect(host.unixUri());
        try {
            Domain d = guests.define(c, name);
            String xml = d.getXMLDesc(Domain.XMLFlags.SECURE);
            String edited = edit.apply(xml);
            if (!edited.equals(xml)) {
                d.free();
                d = c.domainDefineXML(edited);
            }
            try {
                d.create();
                return new RunningGuest(bed, host, guests, prefix, name, d.getUUIDString());
            } finally {
                d.free();
            }
        } finally {
            c.close();
        }
    }

    /** Runs {@code virsh}-like work on the guest over the host's local socket. */
    void onDomain(DomainWork work) throws Exception {
        Connect c = new Connect(host.unixUri());
        try {
            Domain d = c.domainLookupByName(name);
            try {
                work.run(d);
            } finally {
                d.free();
            }
        } finally {
            c.close();
        }
    }

    int vncPort() throws Exception {
        int[] port = new int[1];
        onDomain(d -> port[0] = TestGuests.vncPort(d.getXMLDesc(0)));
        return port[0];
    }

    interface DomainWork {
        void run(Domain d) throws Exception;
    }

    /** A HOME whose ~/.ssh knows the bed's host keys and logs in with the bed's key. */
    static Path sshHome(Testbed bed, Path dir) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(bed.knownHosts(), home.resolve(".ssh/known_hosts"));
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  IdentityFile " + bed.sshKey() + "\n");
        return home;
    }

    static String sshUri(Testbed.Host host) {
        return "qemu+ssh://root@127.0.0.1:" + host.sshPort() + "/system";
    }

    /** Removes the guest from whichever test-bed host it is on now (it may have migrated). */
    @Override
    public void close() throws Exception {
        for (Testbed.Host h : bed.hosts()) {
            Connect c = new Connect(h.unixUri());
            try {
                guests.cleanup(c, prefix);
            } finally {
                c.close();
            }
        }
    }
}

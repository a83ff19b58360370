package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshTargetTest {

    @Test
    void virshUriMapsToUserHostPort() {
        SshTarget t = SshTarget.fromLibvirtUri("qemu+ssh://root@127.0.0.1:2222/system", null);
        assertEquals("root", t.user());
        assertEquals("127.0.0.1", t.host());
        assertEquals(2222, t.port());
        assertEquals(List.of(), t.jumpHosts());
        assertNull(t.identityFile());
    }

    @Test
    void missingUserAndPortAreLeftForTheConfig() {
        SshTarget t = SshTarget.fromLibvirtUri("xen+ssh://node7/", null);
        assertNull(t.user());
        assertEquals("node7", t.host());
        assertEquals(0, t.port());
    }

    @Test
    void keyfileAndJumpSettingAreKept() {
        SshTarget t = SshTarget.fromLibvirtUri("qemu+ssh://me@h/session?keyfile=/home/me/.ssh/k%20ey",
                "gw@access.example:2200,frontend");
        assertEquals("/home/me/.ssh/k ey", t.identityFile());
        assertEquals(List.of(new SshHop("gw", "access.example", 2200), new SshHop(null, "frontend", 0)), t.jumpHosts());
    }

    @Test
    void ipv6HostInBrackets() {
        SshTarget t = SshTarget.fromLibvirtUri("qemu+ssh://root@[::1]:2222/system", null);
        assertEquals("::1", t.host());
        assertEquals(new SshHop("u", "::1", 22), SshHop.parse("u@[::1]:22"));
    }

    @Test
    void noVerifyIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SshTarget.fromLibvirtUri("qemu+ssh://h/system?no_verify=1", null));
        assertTrue(e.getMessage().contains("never accepts host keys"), e.getMessage());
    }

    @Test
    void unknownParameterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SshTarget.fromLibvirtUri("qemu+ssh://h/system?command=/bin/evil", null));
        assertTrue(e.getMessage().contains("'command'"), e.getMessage());
    }

    @Test
    void nonSshUriIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshTarget.fromLibvirtUri("qemu:///system", null));
    }

    @Test
    void hopParsing() {
        assertEquals(new SshHop(null, "host", 0), SshHop.parse("host"));
        assertEquals(new SshHop("a", "b", 2), SshHop.parse("ssh://a@b:2"));
        assertEquals(List.of(), SshHop.parseChain("none"));
        assertThrows(IllegalArgumentException.class, () -> SshHop.parse("a@b:99999"));
        assertThrows(IllegalArgumentException.class, () -> SshHop.parseChain("a,,b"));
    }

    @Test
    void socketRequestFromUri() {
        LibvirtSocketRequest r = LibvirtSocketRequest.fromUri("qemu+ssh://h/system", true);
        assertEquals(List.of("/var/run/libvirt/libvirt-sock-ro", "/var/run/libvirt/virtqemud-sock-ro"), r.candidates());
        LibvirtSocketRequest x = LibvirtSocketRequest.fromUri("xen+ssh://h/", false);
        assertEquals(List.of("/var/run/libvirt/libvirt-sock", "/var/run/libvirt/virtxend-sock"), x.candidates());
        LibvirtSocketRequest s = LibvirtSocketRequest.fromUri("qemu+ssh://h/session", false);
        assertEquals(List.of("libvirt/libvirt-sock", "libvirt/virtqemud-sock"), s.candidates());
        LibvirtSocketRequest o = LibvirtSocketRequest.fromUri("qemu+ssh://h/system?socket=/run/my-sock", false);
        assertEquals(List.of("/run/my-sock"), o.candidates());
        assertThrows(IllegalArgumentException.class, () -> LibvirtSocketRequest.fromUri("qemu+ssh://h/other", false));
    }
}

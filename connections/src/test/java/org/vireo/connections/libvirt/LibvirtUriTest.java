package org.vireo.connections.libvirt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Locale;
import org.vireo.resources.Messages;

class LibvirtUriTest {

    @Test
    void localSystemUri() {
        LibvirtUri uri = LibvirtUri.parse("qemu:///system");
        assertEquals("qemu", uri.driver());
        assertEquals(Optional.empty(), uri.transport());
        assertEquals("", uri.user());
        assertEquals("", uri.host());
        assertEquals(-1, uri.port());
        assertEquals("/system", uri.path());
        assertEquals(Map.of(), uri.params());
        assertFalse(uri.isRemote());
        assertEquals("localhost", uri.displayHost());
        assertEquals("qemu:///system", uri.toString());
    }

    @Test
    void sshUriWithUserPortAndParams() {
        LibvirtUri uri = LibvirtUri.parse("qemu+ssh://admin@node-7.example.org:2222/system?keyfile=/home/a/.ssh/id%20x&no_verify=1");
        assertEquals("qemu", uri.driver());
        assertEquals(Optional.of("ssh"), uri.transport());
        assertEquals("admin", uri.user());
        assertEquals("node-7.example.org", uri.host());
        assertEquals(2222, uri.port());
        assertEquals("/system", uri.path());
        assertEquals(List.of("keyfile", "no_verify"), List.copyOf(uri.params().keySet()));
        assertEquals("/home/a/.ssh/id x", uri.params().get("keyfile"));
        assertEquals("1", uri.params().get("no_verify"));
        assertTrue(uri.isRemote());
        assertEquals("node-7.example.org", uri.displayHost());
    }

    @Test
    void testDriverDefaultAndFile() {
        assertEquals("/default", LibvirtUri.parse("test:///default").path());
        LibvirtUri file = LibvirtUri.parse("test:///home/me/My%20VMs/node.xml");
        assertEquals("test", file.driver());
        assertEquals("/home/me/My VMs/node.xml", file.path());
        assertFalse(file.isRemote());
    }

    @Test
    void xenUrisWithEmptyOrRootPath() {
        assertEquals("/", LibvirtUri.parse("xen:///").path());
        LibvirtUri remote = LibvirtUri.parse("xen+ssh://root@node/");
        assertEquals("xen", remote.driver());
        assertEquals("root", remote.user());
        assertEquals("node", remote.host());
        assertEquals("/", remote.path());
        assertEquals("", LibvirtUri.parse("xen://node").path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu+ssh://h/system", "qemu+libssh://h/system", "qemu+libssh2://h/system",
            "qemu+tcp://h/system", "qemu+tls://h:16514/system", "qemu+unix:///system?socket=/run/libvirt/libvirt-sock",
            "qemu+ext:///system?command=/usr/bin/foo", "lxc:///system", "ch:///session", "vbox:///session",
            "esx://root@10.0.0.5/?no_verify=1", "QEMU:///system", "qemu:///session", "qemu:///embed?root=/tmp/x"})
    void acceptsWhatVirshAccepts(String text) {
        assertEquals(text, LibvirtUri.parse(text).toString());
    }

    @Test
    void ipv6HostInBrackets() {
        LibvirtUri uri = LibvirtUri.parse("qemu+ssh://root@[fe80::1%25eth0]:22/system");
        assertEquals("fe80::1%25eth0", uri.host());
        assertEquals(22, uri.port());
        LibvirtUri plain = LibvirtUri.parse("qemu+tcp://[::1]/system");
        assertEquals("::1", plain.host());
        assertEquals(-1, plain.port());
    }

    @Test
    void unixTransportIsLocal() {
        assertFalse(LibvirtUri.parse("qemu+unix:///system").isRemote());
        assertTrue(LibvirtUri.parse("qemu+ssh:///system").isRemote());
    }

    @Test
    void encodedUserIsDecoded() {
        assertEquals("administrator@vsphere.local",
                LibvirtUri.parse("vpx://administrator%40vsphere.local@vc/dc/cluster/host?no_verify=1").user());
    }

    @Test
    void paramsKeepOrderAndSplitOnSemicolonToo() {
        LibvirtUri uri = LibvirtUri.parse("qemu+ssh://h/system?b=2;a=1&flag");
        assertEquals(List.of("b", "a", "flag"), List.copyOf(uri.params().keySet()));
        assertEquals("", uri.params().get("flag"));
    }

    @Test
    void tryParseGivesEmptyForBadInput() {
        assertTrue(LibvirtUri.tryParse("not a uri").isEmpty());
        assertTrue(LibvirtUri.tryParse("test:///default").isPresent());
    }

    private static String rejection(String text) {
        return assertThrows(InvalidUriException.class, () -> LibvirtUri.parse(text)).getMessage();
    }

    private static void assertRejected(String text, String because) {
        String message = rejection(text);
        assertTrue(message.contains(because), () -> "message '" + message + "' should say '" + because + "'");
        assertTrue(message.startsWith("'"), message);
    }

    @Test
    void messagesNameTheUriAndTheReason() {
        String message = rejection("qemu+foo://host/system");
        assertTrue(message.contains("'qemu+foo://host/system'"), message);
        assertTrue(message.contains("unknown transport 'foo'"), message);
        assertTrue(message.contains("ssh"), message);
    }

    @Test
    void rejectsEmptyAndMissingSchemeSeparator() {
        assertRejected("", "empty");
        assertRejected("qemu:/system", "lacks '://'");
        assertRejected("localhost", "lacks '://'");
        assertRejected("://host/system", "driver name");
        assertRejected("+ssh://host/system", "driver name");
        assertRejected("qe mu:///system", "space at position 3");
        assertRejected("1qemu:///system", "driver name '1qemu'");
    }

    @Test
    void rejectsHostileHostsAndUsers() {
        assertRejected("qemu+ssh://host;rm -rf ~/system", "space");
        assertRejected("qemu+ssh://host;reboot/system", "host name 'host;reboot' contains ';'");
        assertRejected("qemu+ssh://ho$(id)st/system", "contains '$'");
        assertRejected("qemu+ssh://`id`/system", "contains '`'");
        assertRejected("qemu+ssh://-oProxyCommand=x/system", "contains '='");
        assertRejected("qemu+ssh://-oProxy/system", "may not start with '-'");
        assertRejected("qemu+ssh://ro|ot@host/system", "user name contains '|'");
        assertRejected("qemu+ssh://ro%3Bot@host/system", "contains ';'");
        assertRejected("qemu+ssh://-l@host/system", "may not start with '-'");
        assertRejected("qemu+ssh://a@b@host/system", "more than one '@'");
        assertRejected("qemu+ssh://@host/system", "user name before '@' is empty");
    }

    @Test
    void rejectsControlCharactersWithoutEchoingThem() {
        String message = rejection("qemu+ssh://host/system\nrm -rf /");
        assertTrue(message.contains("control character \\x0a at position 23"), message);
        assertFalse(message.contains("\n"), message);
        assertRejected("qemu:///system\t", "\\x09");
        assertRejected("qemu:///sys%0Atem", "encodes the control character \\x0a");
        assertRejected("qemu:///système", "non-ASCII");
    }

    @Test
    void rejectionsSayThemselvesInFrench() {
        Messages french = new Messages(Locale.FRENCH);
        InvalidUriException port = assertThrows(InvalidUriException.class, () -> LibvirtUri.parse("qemu+tcp://host:/system"));
        assertEquals("\u00ab\u00a0qemu+tcp://host:/system\u00a0\u00bb n\u2019est pas une URI libvirt valide\u00a0: le port"
                + " apr\u00e8s \u00ab\u00a0:\u00a0\u00bb est vide", port.text().in(french));
        InvalidUriException param = assertThrows(InvalidUriException.class,
                () -> LibvirtUri.parse("qemu+ssh://h/system?keyfile=%0a"));
        assertEquals("\u00ab\u00a0qemu+ssh://h/system?keyfile=%0a\u00a0\u00bb n\u2019est pas une URI libvirt valide\u00a0:"
                + " le param\u00e8tre \u00ab\u00a0keyfile\u00a0\u00bb encode le caract\u00e8re de contr\u00f4le \\x0a",
                param.text().in(french));
        assertEquals("'qemu+ssh://h/system?keyfile=%0a' is not a valid libvirt URI: the parameter 'keyfile' encodes the"
                + " control character \\x0a", param.getMessage());
    }

    @Test
    void rejectsBadPorts() {
        assertRejected("qemu+tcp://host:/system", "port after ':' is empty");
        assertRejected("qemu+tcp://host:ssh/system", "port 'ssh' is not a number");
        assertRejected("qemu+tcp://host:70000/system", "outside 1-65535");
        assertRejected("qemu+tcp://host:0/system", "outside 1-65535");
    }

    @Test
    void rejectsBrokenIpv6FragmentsAndEscapes() {
        assertRejected("qemu+tcp://[::1/system", "no closing ']'");
        assertRejected("qemu+tcp://[zz]/system", "not an IPv6 address");
        assertRejected("qemu+tcp://[::1]x/system", "unexpected 'x'");
        assertRejected("qemu:///system#top", "no fragment");
        assertRejected("test:///a%2", "incomplete %-escape");
        assertRejected("test:///a%zz", "bad %-escape '%zz'");
        assertRejected("test:///a\"b", "path contains '\"'");
        assertRejected("qemu:///system?=x", "no name");
        assertRejected("qemu:///system?a=<b>", "parameters contains '<'");
    }

    @Test
    void equalityIsByText() {
        assertEquals(LibvirtUri.parse("qemu:///system"), LibvirtUri.parse("qemu:///system"));
        assertFalse(LibvirtUri.parse("qemu:///system").equals(LibvirtUri.parse("qemu:///session")));
    }
}

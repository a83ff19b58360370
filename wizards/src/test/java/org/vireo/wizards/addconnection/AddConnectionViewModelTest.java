package org.vireo.wizards.addconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

class AddConnectionViewModelTest {
    private final AddConnectionViewModel model = new AddConnectionViewModel(new Messages(Locale.ROOT));

    @ParameterizedTest(name = "{0} {1} user={2} host={3} port={4} path={5} key={6} -> {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "QEMU | LOCAL | root  | node   | 2222 | /system  | /k     | qemu:///system",
            "QEMU | LOCAL | root  | node   |      | /session |        | qemu:///session",
            "QEMU | SSH   | root  | node   |      | /system  |        | qemu+ssh://root@node/system",
            "QEMU | SSH   |       | node   |      | /system  |        | qemu+ssh://node/system",
            "QEMU | SSH   | user  | host   | 2222 | /system  | /k     | qemu+ssh://user@host:2222/system?keyfile=/k",
            "QEMU | SSH   | alice | h.lab  |      | /session |        | qemu+ssh://alice@h.lab/session",
            "QEMU | SSH   | root  | fe80::1| 22   | /system  |        | qemu+ssh://root@[fe80::1]:22/system",
            "QEMU | SSH   | root  | node   |      | /system  | /my keys/id | qemu+ssh://root@node/system?keyfile=/my%20keys/id",
            "XEN  | LOCAL |       |        |      | /system  |        | xen:///system",
            "XEN  | SSH   | root  | node   |      | /        |        | xen+ssh://root@node/",
            "XEN  | SSH   | root  | node   | 2200 | /system  |        | xen+ssh://root@node:2200/system",
            "TEST | LOCAL |       |        |      | /default |        | test:///default",
            "TEST | SSH   | root  | node   |      | /default |        | test+ssh://root@node/default",
    })
    void fieldsMakeTheUriVirshWrites(Hypervisor hypervisor, Transport transport, String user, String host, String port,
                                     String path, String keyFile, String expected) {
        model.hypervisorProperty().set(hypervisor);
        model.transportProperty().set(transport);
        model.userProperty().set(user == null ? "" : user);
        model.hostProperty().set(host == null ? "" : host);
        model.portProperty().set(port == null ? "" : port);
        model.pathProperty().set(path);
        model.keyFileProperty().set(keyFile == null ? "" : keyFile);
        assertEquals(expected, model.uriProperty().get());
        assertEquals("", model.errorProperty().get());
        assertTrue(model.validProperty().get());
    }

    @Test
    void switchingHypervisorOffersItsPathsAndKeepsAValidOne() {
        model.hostProperty().set("node");
        model.pathProperty().set("/session");
        model.hypervisorProperty().set(Hypervisor.XEN);
        assertEquals(java.util.List.of("/system", "/"), model.pathChoices());
        assertEquals("xen+ssh://root@node/system", model.uriProperty().get());
        model.pathProperty().set("/");
        model.hypervisorProperty().set(Hypervisor.TEST);
        assertEquals("test+ssh://root@node/default", model.uriProperty().get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "xen+ssh://root@node/                        | XEN  | SSH   | root | node | -    | /        | -",
            "xen+ssh://root@node/system                  | XEN  | SSH   | root | node | -    | /system  | -",
            "qemu+ssh://user@host:2222/system?keyfile=/k | QEMU | SSH   | user | host | 2222 | /system  | /k",
            "qemu+ssh://root@192.168.1.7/system          | QEMU | SSH   | root | 192.168.1.7 | - | /system | -",
            "qemu+ssh://node/session                     | QEMU | SSH   | -    | node | -    | /session | -",
            "qemu:///system                              | QEMU | LOCAL | -    | -    | -    | /system  | -",
            "qemu:///session                             | QEMU | LOCAL | -    | -    | -    | /session | -",
            "xen:///system                               | XEN  | LOCAL | -    | -    | -    | /system  | -",
            "test:///default                             | TEST | LOCAL | -    | -    | -    | /default | -",
            "test:///tmp/hosts/node1.xml                 | TEST | LOCAL | -    | -    | -    | /tmp/hosts/node1.xml | -",
    })
    void aPastedVirshUriFillsTheFieldsAndStaysAsPasted(String uri, Hypervisor hypervisor, Transport transport, String user,
                                                      String host, String port, String path, String keyFile) {
        model.uriProperty().set(uri);
        assertEquals(uri, model.uriProperty().get());
        assertEquals(hypervisor, model.hypervisorProperty().get());
        assertEquals(transport, model.transportProperty().get());
        assertEquals(user == null ? "" : user, model.userProperty().get());
        assertEquals(host == null ? "" : host, model.hostProperty().get());
        assertEquals(port == null ? "" : port, model.portProperty().get());
        assertEquals(path, model.pathProperty().get());
        assertEquals(keyFile == null ? "" : keyFile, model.keyFileProperty().get());
        assertTrue(model.validProperty().get(), model.errorProperty().get());
    }

    @Test
    void editingAFieldAfterPastingRewritesOnlyThatPart() {
        model.uriProperty().set("xen+ssh://root@node/");
        model.hostProperty().set("node2");
        assertEquals("xen+ssh://root@node2/", model.uriProperty().get());
        model.uriProperty().set("qemu+ssh://user@host:2222/system?keyfile=/k");
        model.portProperty().set("");
        assertEquals("qemu+ssh://user@host/system?keyfile=/k", model.uriProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu+tls://host/system", "lxc:///", "qemu+ssh://root@host/system?socket=/run/libvirt/x",
            "qemu+ssh://root@host", "qemu://host/system", "qemu+ssh://root@host/system?keyfile=/k&mode=legacy"})
    void aUriTheFieldsCannotExpressIsKeptVerbatimAsCustom(String uri) {
        model.uriProperty().set(uri);
        assertEquals(Hypervisor.CUSTOM, model.hypervisorProperty().get());
        assertEquals(uri, model.uriProperty().get());
        assertTrue(model.validProperty().get(), model.errorProperty().get());
        assertEquals(uri, model.toEntry().orElseThrow().uri());
    }

    @Test
    void switchingFromCustomBackRebuildsTheUriFromTheFields() {
        model.uriProperty().set("qemu+ssh://root@node/system");
        model.uriProperty().set("lxc:///");
        model.hypervisorProperty().set(Hypervisor.QEMU);
        assertEquals("qemu+ssh://root@node/system", model.uriProperty().get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "qemu+ssh://root@bad host/system        | 'qemu+ssh://root@bad host/system' is not a valid libvirt URI: it contains a space at position 20",
            "qemu+ssh://root@host:99999/system      | the port 99999 is outside 1-65535",
            "qemu+ssh://root@host/system?no_verify=1 | no_verify=1 is refused",
            "qemu+ssh://root@host/system?pkipath=/x  | URI parameter 'pkipath' is not supported",
            "qemu//system                            | it lacks '://'",
            "qemu+ssh://root@host;rm/system          | the host name 'host;rm' contains ';'",
    })
    void anInvalidUriDisablesOkAndSaysWhy(String uri, String expected) {
        model.uriProperty().set(uri);
        assertFalse(model.validProperty().get());
        assertTrue(model.errorProperty().get().contains(expected), model.errorProperty().get());
        assertTrue(model.toEntry().isEmpty());
    }

    @Test
    void uriAndJumpHostProblemsAreSaidInFrench() {
        AddConnectionViewModel french = new AddConnectionViewModel(new Messages(Locale.FRENCH));
        french.uriProperty().set("qemu+ssh://root@host/system?pkipath=/x");
        assertEquals("Le param\u00e8tre d\u2019URI \u00ab\u00a0pkipath\u00a0\u00bb n\u2019est pas pris en charge par Vireo"
                + " (pris en charge\u00a0: keyfile, mode, no_verify, proxy, socket) dans qemu+ssh://root@host/system?pkipath=/x",
                french.errorProperty().get());
        french.uriProperty().set("qemu+ssh://root@host:99999/system");
        assertEquals("\u00ab\u00a0qemu+ssh://root@host:99999/system\u00a0\u00bb n\u2019est pas une URI libvirt valide\u00a0:"
                + " le port 99999 est hors de 1-65535", french.errorProperty().get());
        french.uriProperty().set("qemu+ssh://root@host/system");
        french.jumpHostsProperty().set("gw:notaport");
        assertEquals("Le port \u00ab\u00a0notaport\u00a0\u00bb n\u2019est pas un nombre dans l\u2019h\u00f4te de rebond"
                + " \u00ab\u00a0gw:notaport\u00a0\u00bb", french.errorProperty().get());
    }

    @Test
    void fieldProblemsAreNamed() {
        model.hostProperty().set("");
        assertEquals("Enter the host to connect to over SSH.", model.errorProperty().get());
        model.hostProperty().set("node");
        model.portProperty().set("22x");
        assertEquals("The port '22x' is not a number from 1 to 65535.", model.errorProperty().get());
        assertFalse(model.validProperty().get());
        model.portProperty().set("2222");
        model.jumpHostsProperty().set("gw:notaport");
        assertTrue(model.errorProperty().get().contains("'notaport' is not a number"), model.errorProperty().get());
        model.jumpHostsProperty().set("me@access.grid, frontend:2200");
        assertTrue(model.validProperty().get(), model.errorProperty().get());
        model.hypervisorProperty().set(Hypervisor.CUSTOM);
        model.uriProperty().set(" ");
        assertEquals("Enter a libvirt URI, e.g. qemu:///system.", model.errorProperty().get());
    }

    @Test
    void theEntryCarriesNameGroupFlagsAndJumpHosts() {
        model.uriProperty().set("qemu+ssh://root@node7/system");
        model.nameProperty().set("  node 7 ");
        model.groupProperty().set("Rack B");
        model.autoconnectProperty().set(false);
        model.readOnlyProperty().set(true);
        model.jumpHostsProperty().set("me@access.grid,frontend");
        ConnectionEntry entry = model.toEntry().orElseThrow();
        assertEquals("qemu+ssh://root@node7/system", entry.uri());
        assertEquals("node 7", entry.name());
        assertEquals("Rack B", entry.group());
        assertFalse(entry.autoconnect());
        assertTrue(entry.readOnly());
        assertEquals("me@access.grid,frontend", entry.jumpHost());

        model.transportProperty().set(Transport.LOCAL);
        ConnectionEntry local = model.toEntry().orElseThrow();
        assertEquals("qemu:///system", local.uri());
        assertNull(local.jumpHost(), "jump hosts only apply to SSH");
        model.nameProperty().set(" ");
        assertNull(model.toEntry().orElseThrow().name());
    }
}

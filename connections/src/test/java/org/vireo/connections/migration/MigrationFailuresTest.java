package org.vireo.connections.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.connections.migration.PrecheckProblem.Kind;
import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Messages;
import org.vireo.resources.Text;

/**
 * Each way a migration fails reads in French in the window, with libvirt's own reason unchanged, while its message
 * (CLI, logs) stays the English it always was. The libvirt reason is a real one, from libvirt's test driver.
 */
class MigrationFailuresTest {
    private static final Messages FRENCH = new Messages(Locale.FRENCH);
    private static final String OPEN = "\u00ab\u00a0";
    private static final String CLOSE = "\u00a0\u00bb";
    private static LibvirtException libvirtError;
    private static String libvirtReason;

    @BeforeAll
    static void realLibvirtError() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        try {
            libvirtError = assertThrows(LibvirtException.class, () -> conn.domainLookupByName("vireo-i18n-none"));
        } finally {
            conn.close();
        }
        libvirtReason = LibvirtErrors.reason(libvirtError);
        assertTrue(libvirtReason.startsWith("Domain not found"), libvirtReason);
    }

    private static void says(MigrationException e, String english, String french) {
        assertEquals(english, e.getMessage());
        assertEquals(french, e.text().in(FRENCH));
    }

    private static Text action() {
        return MigrationFailures.action("web1", "host-a", "host-b");
    }

    @Test
    void aRefusedMigrationNamesVmAndHostsAndKeepsLibvirtsReason() {
        says(MigrationFailures.failed(action(), libvirtError),
                "Cannot migrate 'web1' from host-a to host-b: " + libvirtReason,
                "Impossible de migrer " + OPEN + "web1" + CLOSE + " de host-a vers host-b\u00a0: " + libvirtReason);
    }

    @Test
    void aPeerToPeerFailureSaysWhoseCredentialsWereUsed() {
        says(MigrationFailures.peerToPeer(action(), libvirtError, "host-a", "qemu+ssh://b/system"),
                "Cannot migrate 'web1' from host-a to host-b: " + libvirtReason + " (peer to peer: the libvirtd of host-a"
                        + " connects to qemu+ssh://b/system itself, with its own credentials; a direct migration needs none)",
                "Impossible de migrer " + OPEN + "web1" + CLOSE + " de host-a vers host-b\u00a0: " + libvirtReason
                        + " (pair \u00e0 pair\u00a0: le libvirtd de host-a se connecte lui-m\u00eame \u00e0"
                        + " qemu+ssh://b/system, avec ses propres identifiants\u00a0; une migration directe n\u2019en demande"
                        + " aucun)");
    }

    @Test
    void aRefusedControlRequestAndAnUnexpectedEndNameTheMigration() {
        says(MigrationFailures.control("web1", libvirtError), "Migration of 'web1': " + libvirtReason,
                "Migration de " + OPEN + "web1" + CLOSE + "\u00a0: " + libvirtReason);
        says(MigrationFailures.unexpected("web1", new TimeoutException()),
                "Migration of 'web1': java.util.concurrent.TimeoutException",
                "Migration de " + OPEN + "web1" + CLOSE + "\u00a0: java.util.concurrent.TimeoutException");
        says(MigrationFailures.interrupted("web1", new InterruptedException()), "Migration of 'web1' interrupted",
                "Migration de " + OPEN + "web1" + CLOSE + " interrompue");
    }

    @Test
    void cancellingSaysWhereTheGuestKeepsRunning() {
        says(MigrationFailures.cancelledBeforeStart("web1"), "Migration of 'web1' cancelled before it started",
                "Migration de " + OPEN + "web1" + CLOSE + " annul\u00e9e avant son d\u00e9but");
        says(MigrationFailures.cancelled("web1", "host-a", libvirtError),
                "Migration of 'web1' cancelled; it keeps running on host-a",
                "Migration de " + OPEN + "web1" + CLOSE + " annul\u00e9e\u00a0; la VM continue de tourner sur host-a");
    }

    @Test
    void bandwidthAndPostCopyRequestsKeepLibvirtsWords() {
        says(MigrationFailures.postCopyNotEnabled(), "post-copy was not enabled for this migration",
                "le passage en post-copie n\u2019a pas \u00e9t\u00e9 permis pour cette migration");
        says(MigrationFailures.nativeCall(Text.of("migration.cannot.setSpeed"), "operation failed: no job"),
                "Cannot set the bandwidth: operation failed: no job",
                "Impossible de r\u00e9gler la bande passante\u00a0: operation failed: no job");
        says(MigrationFailures.nativeCall(Text.of("migration.cannot.postCopy"), null),
                "Cannot switch to post-copy: no reason given",
                "Impossible de passer en post-copie\u00a0: aucune raison donn\u00e9e");
    }

    @Test
    void copyStorageSaysWhichDiskAndPool() {
        says(MigrationFailures.diskNotVolume("/srv/web1.qcow2", "host-b", libvirtError),
                "Cannot copy the disk /srv/web1.qcow2: it is not a volume of a storage pool on the source, so Vireo"
                        + " cannot create it on host-b; create it there first",
                "Impossible de copier le disque /srv/web1.qcow2\u00a0: ce n\u2019est pas un volume d\u2019un pool de"
                        + " stockage de la source, Vireo ne peut donc pas le cr\u00e9er sur host-b\u00a0; cr\u00e9ez-le"
                        + " d\u2019abord l\u00e0-bas");
        says(MigrationFailures.noPool("host-b", "images", "/srv/web1.qcow2", libvirtError),
                "host-b has no storage pool 'images' for /srv/web1.qcow2",
                "host-b n\u2019a pas de pool de stockage " + OPEN + "images" + CLOSE + " pour /srv/web1.qcow2");
        says(MigrationFailures.otherFolder("images", "host-b", "/var/img/web1.qcow2", "/srv/web1.qcow2"),
                "pool 'images' on host-b puts the disk at /var/img/web1.qcow2, not at /srv/web1.qcow2: the pools must"
                        + " use the same folder",
                "le pool " + OPEN + "images" + CLOSE + " sur host-b place le disque en /var/img/web1.qcow2 et non en"
                        + " /srv/web1.qcow2\u00a0: les pools doivent utiliser le m\u00eame dossier");
    }

    @Test
    void failedPrechecksListEveryReason() {
        PrecheckFailedException e = new PrecheckFailedException("web1", List.of(
                PrecheckProblem.of(Kind.NOT_CONNECTED, "precheck.notConnected", "host-b"),
                PrecheckProblem.of(Kind.SAME_HOST, "precheck.sameHost", "host-a"),
                PrecheckProblem.of(Kind.WRONG_STATE, "precheck.running", "web1")));
        says(e, "Cannot migrate 'web1': host-b is not connected; source and destination are the same host (host-a);"
                        + " 'web1' is running: migrate it live, or shut it down first",
                "Impossible de migrer " + OPEN + "web1" + CLOSE + "\u00a0: host-b n\u2019est pas connect\u00e9\u00a0;"
                        + " la source et la destination sont le m\u00eame h\u00f4te (host-a)\u00a0; "
                        + FRENCH.get("precheck.running", "web1"));
    }

    @Test
    void optionsThatDoNotGoTogetherAreRefusedInFrench() {
        refused(() -> MigrationOptions.defaults(MigrationMode.LIVE).withBandwidth(-1),
                "bandwidth must be 0 (unlimited) or more MiB/s, was -1",
                "la bande passante doit valoir 0 (illimit\u00e9e) ou plus (Mio/s), valeur\u00a0: -1");
        refused(() -> new MigrationOptions(MigrationMode.LIVE, true, true, false, MigrationTransport.DIRECT, null, null,
                        0, -5, false, false),
                "maximum downtime must be 0 (default) or more ms, was -5",
                "l\u2019interruption maximale doit valoir 0 (par d\u00e9faut) ou plus (ms), valeur\u00a0: -5");
        refused(() -> new MigrationOptions(MigrationMode.LIVE, true, true, false, MigrationTransport.TUNNELLED,
                        "tcp://10.0.0.2", null, 0, 0, false, false),
                "a tunnelled migration takes no migration URI or listen address: the data travels inside the libvirt"
                        + " connection",
                "une migration en tunnel ne prend ni adresse de migration ni adresse d\u2019\u00e9coute\u00a0: les"
                        + " donn\u00e9es passent dans la connexion libvirt");
        refused(() -> new MigrationOptions(MigrationMode.OFFLINE, false, true, false, MigrationTransport.DIRECT, null,
                        null, 0, 0, false, false),
                "an offline migration only moves the definition: it must persist on the destination",
                "une migration hors ligne ne d\u00e9place que la d\u00e9finition\u00a0: elle doit \u00eatre"
                        + " conserv\u00e9e sur la destination");
    }

    private static void refused(org.junit.jupiter.api.function.Executable build, String english, String french) {
        InvalidValueException e = assertThrows(InvalidValueException.class, build);
        assertEquals(english, e.getMessage());
        assertEquals(french, e.text().in(FRENCH));
    }
}

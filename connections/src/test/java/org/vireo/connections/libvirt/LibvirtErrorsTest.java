package org.vireo.connections.libvirt;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;
import org.vireo.resources.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibvirtErrorsTest {
    @Test
    void missingLibvirtLibraryIsExplained() {
        String first = LibvirtErrors.message("Cannot connect to qemu:///system",
                new ExceptionInInitializerError(new UnsatisfiedLinkError("Unable to load library 'virt'")));
        assertTrue(first.startsWith("Cannot connect to qemu:///system: "), first);
        assertTrue(first.contains("libvirt0"), first);
        String later = LibvirtErrors.reason(new NoClassDefFoundError("Could not initialize class org.libvirt.jna.Libvirt"));
        assertTrue(later.contains("libvirt0"), later);
    }

    @Test
    void otherErrorsKeepTheirTypeAndMessage() {
        assertEquals("IllegalStateException: boom", LibvirtErrors.reason(new IllegalStateException("boom")));
    }

    @Test
    void aFailureOfOursOrAMissingLibraryIsSaidInTheUsersLanguage() {
        HostOperationException refused = new HostOperationException(Text.of("libvirt.failed",
                Text.of("host.error", "host-a"), Text.of("host.notConnected")), null);
        assertEquals("Error on host-a: not connected", LibvirtErrors.reason(refused));
        assertEquals("Erreur sur host-a\u00a0: non connect\u00e9", LibvirtErrors.reasonText(refused).in(new Messages(Locale.FRENCH)));
        String missing = LibvirtErrors.reasonText(new ExceptionInInitializerError(new UnsatisfiedLinkError("virt")))
                .in(new Messages(Locale.FRENCH));
        assertTrue(missing.startsWith("la biblioth\u00e8que cliente libvirt (libvirt.so.0, paquet Debian libvirt0)"), missing);
    }

    @Test
    void versionsAreFormattedAsMajorMinorMicro() {
        assertEquals("9.0.0", HostReader.formatVersion(9_000_000));
        assertEquals("7.2.15", HostReader.formatVersion(7_002_015));
        assertEquals("0.0.2", HostReader.formatVersion(2));
    }
}

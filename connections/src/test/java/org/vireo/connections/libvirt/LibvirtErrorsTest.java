package org.vireo.connections.libvirt;

import org.junit.jupiter.api.Test;

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
    void versionsAreFormattedAsMajorMinorMicro() {
        assertEquals("9.0.0", HostReader.formatVersion(9_000_000));
        assertEquals("7.2.15", HostReader.formatVersion(7_002_015));
        assertEquals("0.0.2", HostReader.formatVersion(2));
    }
}

package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OsCatalogueTest {
    private final OsCatalogue catalogue = OsCatalogue.bundled();

    private String guess(String name) {
        return catalogue.guess(name).map(OsVariant::id).orElse("none");
    }

    @Test
    void guessesFromIsoAndTreeNames() {
        assertEquals("debian12", guess("debian-12.5.0-amd64-netinst.iso"));
        assertEquals("debian12", guess("/var/lib/libvirt/images/debian-12.5.0-amd64-DVD-1.iso"));
        assertEquals("debian11", guess("http://deb.debian.org/debian/dists/bullseye/main/installer-amd64/"));
        assertEquals("ubuntu22.04", guess("ubuntu-22.04.4-live-server-amd64.iso"));
        assertEquals("fedora40", guess("Fedora-Workstation-Live-x86_64-40-1.14.iso"));
        assertEquals("rocky9", guess("Rocky-9.3-x86_64-minimal.iso"));
        assertEquals("win11", guess("Win11_23H2_English_x64.iso"));
        assertEquals("win2k22", guess("windows_server_2022.iso"));
        assertEquals("opensuse15.5", guess("openSUSE-Leap-15.5-DVD-x86_64-Media.iso"));
        assertEquals("none", guess("my-appliance.iso"));
    }

    @Test
    void everyFamilyOfTheIssueIsThereWithSaneDefaults() {
        assertEquals(Set.of("debian", "ubuntu", "fedora", "rhel", "opensuse", "windows", "linux", "other"),
                catalogue.families().keySet());
        Set<String> ids = new HashSet<>();
        for (OsVariant v : catalogue.variants()) {
            assertTrue(ids.add(v.id()), "duplicate id " + v.id());
            assertTrue(v.memoryMiB() >= 512 && v.vcpus() >= 1 && v.diskGiB() >= 1, v.toString());
            assertTrue(v.machine().equals("q35") || v.machine().equals("pc"), v.toString());
        }
        assertEquals("generic", catalogue.generic().id());
    }
}

package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vireo.connections.host.VirtType;

/**
 * The wizard's drafts against libvirt's test-driver host and the Xen fixture give the XML in the golden files
 * ({@code src/test/resources/org/vireo/wizards/newvm/golden}), compared after normalizing whitespace. To accept
 * a deliberate change: {@code -Dvireo.golden.update=true}, then review the diff.
 */
class GoldenXmlTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("test-pxe", "test", DomainXmlTest.draft("golden-pxe", VirtType.TEST, "i686", "debian12",
                        new InstallSource.Pxe(), new StorageChoice.NewVolume("default-pool", "golden-pxe.qcow2", 20,
                                "qcow2"), new NetworkChoice.VirtualNetwork("default"), Firmware.BIOS)),
                Arguments.of("test-cdrom", "test", DomainXmlTest.draft("golden-iso", VirtType.TEST, "i686", "win10",
                        new InstallSource.Cdrom(new DiskRef.FilePath("/isos/Win10_22H2.iso")),
                        new StorageChoice.NewVolume("default-pool", "golden-iso.img", 40, "raw"),
                        new NetworkChoice.VirtualNetwork("default"), Firmware.BIOS)),
                Arguments.of("xen-pv-import", "xen", DomainXmlTest.draft("golden-pv", VirtType.XEN_PV, "x86_64",
                        "debian12", new InstallSource.Import(new DiskRef.FilePath("/var/lib/xen/images/pv.qcow2"),
                                "qcow2"), new StorageChoice.None(), new NetworkChoice.Bridge("xenbr0"),
                        Firmware.BIOS)),
                Arguments.of("xen-hvm-cdrom", "xen", DomainXmlTest.draft("golden-hvm", VirtType.XEN_HVM, "x86_64",
                        "debian12", new InstallSource.Cdrom(new DiskRef.PoolVolume("isos",
                                "debian-12.5.0-amd64-netinst.iso")), new StorageChoice.NewVolume("default",
                                "golden-hvm.qcow2", 20, "qcow2"), new NetworkChoice.Bridge("xenbr0"), Firmware.BIOS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFileAndSchema(String golden, String host, VmDraft draft) throws Exception {
        String xml = DomainXml.build(draft, Fixtures.caps(host), Optional.empty());
        assertNull(LibvirtSchema.problems(xml, "domain"));
        Path file = Path.of("src/test/resources/org/vireo/wizards/newvm/golden", golden + ".xml");
        if (Boolean.getBoolean("vireo.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        }
        String expected = Fixtures.read("/org/vireo/wizards/newvm/golden/" + golden + ".xml");
        assertEquals(normalize(expected), normalize(xml));
    }

    /** Indentation and line ends do not matter; everything else does. */
    static String normalize(String xml) {
        return xml.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}

package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.host.VirtType;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.NewVmWizardViewModel.Page;

/** The wizard's validations under the French locale: French text, with the name, pool and sizes filled in. */
class FrenchValidationTest {
    private static final Messages FR = new Messages(Locale.FRENCH);
    private final UiQueue ui = new UiQueue();
    private Fleet fleet;
    private NewVmWizardViewModel vm;

    @BeforeEach
    void connect() throws Exception {
        fleet = new Fleet();
        fleet.add(ConnectionEntry.of("test:///default")).connect().get(10, TimeUnit.SECONDS);
        vm = new NewVmWizardViewModel(new FleetHosts(fleet, FR), OsCatalogue.bundled(), ui, c -> { }, FR);
        ui.runUntil(() -> vm.factsProperty().get() != null, Duration.ofSeconds(10), "the host's facts");
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void pagesComplainInFrench() {
        assertEquals("Saisissez un nom pour la VM.", vm.pageErrorProperty().get());
        vm.nameProperty().set("test");
        assertEquals("Une VM nomm\u00e9e \u00ab test \u00bb existe d\u00e9j\u00e0 sur cet h\u00f4te.",
                vm.pageErrorProperty().get());
        vm.nameProperty().set("a/b");
        assertEquals("Le nom \u00ab a/b \u00bb ne peut contenir que des lettres, des chiffres, \u00ab . \u00bb,"
                + " \u00ab _ \u00bb, \u00ab + \u00bb et \u00ab - \u00bb, et doit commencer par une lettre ou un chiffre.",
                vm.pageErrorProperty().get());
        vm.nameProperty().set("web1");
        vm.sourceKindProperty().set(InstallSource.Kind.LOCATION);
        vm.locationUrlProperty().set("ftp://miroir.example/debian/");
        assertEquals("\u00ab ftp://miroir.example/debian/ \u00bb n\u2019est pas une URL http ou https d\u2019une"
                + " arborescence de distribution.", vm.pageErrorProperty().get());
        vm.sourceKindProperty().set(InstallSource.Kind.PXE);
        vm.next();
        vm.next();
        assertEquals(Page.MEMORY_CPU, vm.pageProperty().get());
        vm.vcpusProperty().set(17);
        assertEquals("17 vCPU d\u00e9passent les 16 processeurs de l\u2019h\u00f4te.", vm.pageErrorProperty().get());
        vm.vcpusProperty().set(1);
        vm.memoryMiBProperty().set(32);
        assertEquals("Donnez \u00e0 la VM au moins 64 Mio de m\u00e9moire.", vm.pageErrorProperty().get());
        vm.memoryMiBProperty().set(256);
        vm.next();
        vm.diskGiBProperty().set(1_000_000);
        long freeKiB = vm.factsProperty().get().pool("default-pool").orElseThrow().availableBytes() / 1024;
        String free = String.format(Locale.ROOT, "%.1f", freeKiB / 1024.0 / 1024.0).replace('.', ',');
        assertEquals("1000000 Gio d\u00e9passent les " + free + "\u00a0Gio libres dans le pool default-pool.",
                vm.pageErrorProperty().get());
    }

    @Test
    void placementReasonAndReviewSpeakFrench() {
        List<HostLoad> loads = List.of(new HostLoad("a", "hA", 2L * 1024 * 1024, 4, 0.5),
                new HostLoad("b", "hB", 1024L * 1024, 4, 0.5));
        assertEquals("hA : 2,0\u00a0Gio libres, processeur occup\u00e9 \u00e0 50 % (le meilleur de 2 h\u00f4tes selon la"
                + " m\u00e9moire libre et la charge processeur)", Placement.leastLoaded(loads, FR).orElseThrow().reason());
        assertEquals("R\u00e9seau virtuel \u00ab default \u00bb", vm.describe(new NetworkChoice.VirtualNetwork("default")));
        assertEquals("H\u00f4te le moins charg\u00e9", vm.describe(NewVmWizardViewModel.LEAST_LOADED));
    }

    @Test
    void sharedChecksAndDraftErrorsSpeakTheCallersLanguage() throws Exception {
        assertEquals(Optional.of("Le nom d\u00e9passe 64 caract\u00e8res."), VmNames.problem("x".repeat(65), List.of(), FR));
        VmDraft pvCdrom = new VmDraft("x", "h", new InstallSource.Cdrom(new DiskRef.FilePath("/i.iso")),
                OsCatalogue.bundled().generic(), 512, 1, new StorageChoice.None(), new NetworkChoice.None(),
                VirtType.XEN_PV, "x86_64", Firmware.BIOS, "pc", false, false);
        DraftException e = assertThrows(DraftException.class,
                () -> DomainXml.build(pvCdrom, Fixtures.caps("xen"), Optional.empty()));
        assertEquals("les invit\u00e9s Xen paravirtualis\u00e9s ne peuvent pas d\u00e9marrer sur un m\u00e9dia"
                + " d\u2019installation : utilisez une installation r\u00e9seau (noyau et initrd) ou importez un disque,"
                + " ou choisissez Xen HVM", e.message(FR));
        assertEquals(Optional.of("Le pool p a d\u00e9j\u00e0 un volume web1.qcow2."), DraftChecks.newVolume(
                new StorageChoice.NewVolume("default-pool", "web1.qcow2", 1, "qcow2"),
                vm.factsProperty().get().withVolume(new org.vireo.connections.host.StorageVolumeInfo("default-pool",
                        "web1.qcow2", "", 1)), FR).map(s -> s.replace("default-pool", "p")));
    }
}

package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.DomainInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.testbed.MultibootKernel;
import org.vireo.connections.testbed.TestHttpTree;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
import org.vireo.wizards.newvm.NetworkChoice;
import org.vireo.wizards.newvm.NewVmHosts;
import org.vireo.wizards.newvm.NewVmWizard;

/**
 * User story: an admin clicks through the new-VM wizard and ends with a VM running on host A — from network boot,
 * from an imported qcow2 and from a small ISO, each made by the test in its own pool.
 */
@Tag("testbed")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NewVmWizardTestbedUiTest {
    @TempDir
    static Path home;

    private static final Testbed BED = Testbed.require();
    private AppContext context;
    private Connect connA;
    private HostScratch scratch;
    private Stage mainStage;

    @Start
    void start(Stage stage) {
        mainStage = stage;
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        MainStage.show(stage, context, List.of(BED.hostA().unixUri(), BED.hostB().unixUri()),
                new Messages(Locale.ROOT));
    }

    @BeforeEach
    void makeScratch() throws Exception {
        scratch = HostScratch.open(BED.hostA().unixUri(), BED.stateDir());
        connA = scratch.conn();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            context.close();
        } finally {
            scratch.close();
        }
    }

    @Test
    void networkBoot(FxRobot robot) throws Exception {
        String name = scratch.vmName("pxe");
        openWizardOnHostA(robot, name);
        robot.clickOn("#newVmSource-PXE");
        clickThroughAndFinish(robot, true);
        assertRunningAndSelected(robot, name);
    }

    @Test
    void importExistingDisk(FxRobot robot) throws Exception {
        String name = scratch.vmName("import");
        openWizardOnHostA(robot, name);
        robot.clickOn("#newVmSource-IMPORT");
        robot.clickOn("#newVmImport").write(scratch.poolName() + "/disk.qcow2");
        clickThroughAndFinish(robot, false);
        assertRunningAndSelected(robot, name);
        String xml = connA.domainLookupByName(name).getXMLDesc(0);
        assertTrue(xml.contains("<driver name='qemu' type='qcow2'/>"), xml);
        assertTrue(xml.contains("volume='disk.qcow2'"), xml);
    }

    @Test
    void installFromIso(FxRobot robot) throws Exception {
        String name = scratch.vmName("iso");
        openWizardOnHostA(robot, name);
        robot.clickOn("#newVmSource-CDROM");
        robot.clickOn("#newVmIso").write(scratch.poolName() + "/media.iso");
        clickThroughAndFinish(robot, true);
        assertRunningAndSelected(robot, name);
        assertTrue(scratch.volumes().contains(name + ".qcow2"), "the wizard made the disk: " + scratch.volumes());
        assertTrue(connA.domainLookupByName(name).getXMLDesc(0).contains("media.iso"));
    }

    @Test
    void installFromALocalIsoUploadedToAPool(FxRobot robot) throws Exception {
        String name = scratch.vmName("upload");
        Path local = home.resolve(name + ".iso");
        HostScratch.makeIso(local);
        openWizardOnHostA(robot, name);
        robot.clickOn("#newVmSource-CDROM");
        NewVmWizard wizard = (NewVmWizard) robot.lookup("#newVmWizard").query().getProperties().get(NewVmWizard.class);
        robot.interact(() -> wizard.setIsoChooser(owner -> local.toFile()));
        // The upload goes to the storage pool chosen for the disk: the scratch pool.
        ComboBox<String> pool = robot.lookup("#newVmPool").queryComboBox();
        robot.interact(() -> pool.setValue(scratch.poolName()));
        robot.clickOn("#newVmUploadIso");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#newVmUploadStatus")
                .queryAs(Label.class).getText().startsWith("Uploaded") || robot.lookup("#newVmUploadStatus")
                .queryAs(Label.class).getText().startsWith("Could not"));
        assertEquals("Uploaded " + scratch.poolName() + "/" + name + ".iso.",
                robot.lookup("#newVmUploadStatus").queryAs(Label.class).getText());
        clickThroughAndFinish(robot, true);
        assertRunningAndSelected(robot, name);
        assertTrue(scratch.volumes().contains(name + ".iso"), scratch.volumes().toString());
        assertTrue(connA.domainLookupByName(name).getXMLDesc(0).contains("volume='" + name + ".iso'"));
    }

    @Test
    void networkInstallFromADistributionTree(FxRobot robot) throws Exception {
        String name = scratch.vmName("netinst");
        try (TestHttpTree tree = new TestHttpTree()) {
            tree.put("/f40/os/.treeinfo", String.join("\n", "[general]", "family = Fedora", "version = 40",
                    "arch = x86_64", "[images-x86_64]", "kernel = images/pxeboot/vmlinuz",
                    "initrd = images/pxeboot/initrd.img", ""))
                    .put("/f40/os/images/pxeboot/vmlinuz", MultibootKernel.image(NetworkInstallTestbedTest.SCREEN_TEXT))
                    .put("/f40/os/images/pxeboot/initrd.img", new byte[2048]);
            openWizardOnHostA(robot, name);
            robot.clickOn("#newVmSource-LOCATION");
            robot.clickOn("#newVmUrl").write(tree.url("/f40/os/"));
            robot.clickOn("#newVmKernelArgs").write("console=ttyS0");
            toReview(robot, true);
            biosFirmware(robot); // Fedora 40 defaults to UEFI; the test's Multiboot kernel boots from SeaBIOS
            finish(robot);
            assertRunningAndSelected(robot, name);
            GuestScreen.assertKernelWrote(connA, name, NetworkInstallTestbedTest.SCREEN_TEXT,
                    java.time.Duration.ofSeconds(30));
            String live = connA.domainLookupByName(name).getXMLDesc(0);
            assertTrue(live.contains("<cmdline>inst.repo=" + tree.url("/f40/os/") + " console=ttyS0</cmdline>"), live);
            assertTrue(live.contains("id=\"fedora40\"/>"), "the OS was guessed from the .treeinfo: " + live);
            assertFalse(connA.domainLookupByName(name).getXMLDesc(2).contains("<kernel>"),
                    "the persistent definition boots from disk");
            assertFalse(scratch.volumes().stream().anyMatch(v -> v.contains("-install-")), scratch.volumes().toString());
        }
    }

    @Test
    void customizeBeforeInstallEditsTheDefinitionThenBegins(FxRobot robot) throws Exception {
        String name = scratch.vmName("custom");
        defineToCustomize(robot, name);
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF, connA.domainLookupByName(name).getInfo().state,
                "customize defines the VM without starting it");
        javafx.scene.Parent main = mainStage.getScene().getRoot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(main).lookup("#detailsTitle")
                .tryQueryAs(Label.class).map(l -> l.getText().equals(name)).orElse(false)
                && robot.from(main).lookup("#hwMemory").tryQueryAs(javafx.scene.control.TextField.class)
                .map(f -> f.getText().equals("256") && f.isVisible()).orElse(false));
        javafx.scene.control.TextField memory = robot.from(main).lookup("#hwMemory").queryAs(
                javafx.scene.control.TextField.class);
        robot.interact(() -> memory.setText("200"));
        robot.clickOn(robot.from(main).lookup("#hwApply").queryButton());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> connA.domainLookupByName(name).getXMLDesc(2)
                .contains("<memory unit='KiB'>204800</memory>"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customizeBegin").tryQuery().isPresent());
        Button begin = robot.lookup("#customizeBegin").queryButton();
        robot.clickOn(begin);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> connA.domainLookupByName(name).getInfo().state
                == DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
        assertEquals(200 * 1024, connA.domainLookupByName(name).getInfo().maxMem, "the running VM has the new memory");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !begin.getScene().getWindow().isShowing());
        javafx.scene.control.TabPane tabs = robot.from(main).lookup("#detailsTabs").queryAs(
                javafx.scene.control.TabPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "tab-details.tab.console".equals(
                tabs.getSelectionModel().getSelectedItem().getId()));
        GuestScreen.assertConsoleShowsAFrame(connA, name);
    }

    @Test
    void cancelInstallationRemovesWhatTheWizardCreated(FxRobot robot) throws Exception {
        String name = scratch.vmName("dropped");
        defineToCustomize(robot, name);
        assertTrue(scratch.volumes().contains(name + ".qcow2"), scratch.volumes().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customizeCancel").tryQuery().isPresent());
        Button cancel = robot.lookup("#customizeCancel").queryButton();
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !cancel.getScene().getWindow().isShowing());
        assertFalse(List.of(connA.listDefinedDomains()).contains(name), "the definition is gone");
        assertFalse(scratch.volumes().contains(name + ".qcow2"), "the disk is gone: " + scratch.volumes());
    }

    /** A network-boot VM through the wizard with "customize before install" ticked. */
    private void defineToCustomize(FxRobot robot, String name) throws TimeoutException {
        openWizardOnHostA(robot, name);
        robot.clickOn("#newVmSource-PXE");
        toReview(robot, true);
        robot.clickOn("#newVmCustomize");
        finish(robot);
    }

    private static void biosFirmware(FxRobot robot) {
        ComboBox<org.vireo.wizards.newvm.Firmware> firmware = robot.lookup("#newVmFirmware").queryComboBox();
        robot.interact(() -> firmware.setValue(org.vireo.wizards.newvm.Firmware.BIOS));
    }

    private void openWizardOnHostA(FxRobot robot, String name) throws TimeoutException {
        Button newVm = robot.lookup("#toolbarNewVm").queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.fleet().hosts().stream()
                .allMatch(h -> h.snapshot().state().isConnected()) && !newVm.isDisabled());
        robot.clickOn(newVm);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newVmHost").tryQuery().isPresent());
        // Both test-bed hosts are "localhost" by name: pick host A by its connection.
        String idA = context.fleet().hosts().stream().filter(h -> h.entry().uri().equals(BED.hostA().unixUri()))
                .map(HostConnection::id).findFirst().orElseThrow();
        ComboBox<NewVmHosts.HostRef> host = robot.lookup("#newVmHost").queryComboBox();
        robot.interact(() -> host.setValue(host.getItems().stream().filter(h -> h.id().equals(idA)).findFirst()
                .orElseThrow()));
        robot.clickOn("#newVmName").write(name);
    }

    private void clickThroughAndFinish(FxRobot robot, boolean storagePage) throws TimeoutException {
        toReview(robot, storagePage);
        finish(robot);
    }

    /** From the first page to the review page, with 256 MiB, the scratch pool and the scratch network. */
    private void toReview(FxRobot robot, boolean storagePage) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        next(robot); // → OS
        next(robot); // → memory and CPUs
        Spinner<?> memory = robot.lookup("#newVmMemory").queryAs(Spinner.class);
        robot.interact(() -> memory.getEditor().selectAll());
        robot.clickOn(memory.getEditor()).eraseText(8).write("256").type(KeyCode.TAB); // Enter would press Next
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(256, memory.getValue(), "the typed memory was taken");
        next(robot); // → storage, or review for an import
        if (storagePage) {
            ComboBox<String> pool = robot.lookup("#newVmPool").queryComboBox();
            robot.interact(() -> pool.setValue(scratch.poolName()));
            next(robot);
        }
        ComboBox<NetworkChoice> network = robot.lookup("#newVmNetwork").queryComboBox();
        robot.clickOn(network);
        robot.clickOn("Virtual network '" + scratch.networkName() + "'");
    }

    /** Finish on the review page; returns once the wizard closed (fails with the job's error otherwise). */
    private void finish(FxRobot robot) throws TimeoutException {
        Button finish = robot.lookup("#newVmFinish").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !finish.isDisabled());
        Label jobError = robot.lookup("#newVmJobError").queryAs(Label.class);
        robot.clickOn(finish);
        // Done when the wizard's window has closed (success) or it shows the job's error. Watched through
        // the label itself: a lookup over every window could meet the closing one without its scene root.
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !wizardShowing(jobError) || !jobError.getText().isEmpty());
        assertFalse(wizardShowing(jobError), () -> "the job failed: " + jobError.getText());
    }

    private static boolean wizardShowing(Label inWizard) {
        javafx.scene.Scene scene = inWizard.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    private static void next(FxRobot robot) {
        Button next = robot.lookup("#newVmNext").queryButton();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !next.isDisabled());
        } catch (TimeoutException e) {
            throw new AssertionError("Next stayed disabled: " + robot.lookup("#newVmError").queryAs(Label.class)
                    .getText(), e);
        }
        robot.clickOn(next);
    }

    private void assertRunningAndSelected(FxRobot robot, String name) throws Exception {
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, connA.domainLookupByName(name).getInfo().state);
        // Looked up in the main window only: the wizard's window may still be closing, and a lookup over
        // every window can meet it without its scene root.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(mainStage.getScene().getRoot())
                .lookup("#detailsTitle").tryQueryAs(Label.class).map(l -> l.getText().equals(name)).orElse(false));
        Node title = robot.from(mainStage.getScene().getRoot()).lookup("#detailsTitle").query();
        assertTrue(title.isVisible(), "the new VM is selected and its details shown");
        GuestScreen.assertConsoleShowsAFrame(connA, name);
    }
}

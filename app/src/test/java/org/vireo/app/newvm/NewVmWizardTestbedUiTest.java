package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.app.ui.WindowOnFolders;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.testbed.MultibootKernel;
import org.vireo.connections.testbed.TestHttpTree;
import org.vireo.connections.testbed.Testbed;
import org.vireo.resources.Messages;
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
        context = WindowOnFolders.context(home);
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
        UiClick.on(robot, "#newVmSource-PXE");
        clickThroughAndFinish(robot, true);
        assertRunningAndSelected(robot, name);
    }

    @Test
    void importExistingDisk(FxRobot robot) throws Exception {
        String name = scratch.vmName("import");
        openWizardOnHostA(robot, name);
        UiClick.on(robot, "#newVmSource-IMPORT");
        type(robot, "#newVmImport", scratch.poolName() + "/disk.qcow2");
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
        UiClick.on(robot, "#newVmSource-CDROM");
        type(robot, "#newVmIso", scratch.poolName() + "/media.iso");
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
        UiClick.on(robot, "#newVmSource-CDROM");
        robot.interact(() -> ((NewVmWizard) robot.lookup("#newVmWizard").query().getProperties().get(NewVmWizard.class))
                .setIsoChooser(owner -> local.toFile()));
        // The upload goes to the storage pool chosen for the disk: the scratch pool.
        robot.interact(() -> robot.lookup("#newVmPool").queryComboBox().setValue(scratch.poolName()));
        UiClick.on(robot, "#newVmUploadIso");
        String upload = UiWait.until(Duration.ofSeconds(90), "the upload's outcome", () -> robot.lookup("#newVmUploadStatus")
                .tryQueryAs(Label.class).map(Label::getText).filter(t -> t.startsWith("Uploaded") || t.startsWith("Could not")));
        assertEquals("Uploaded " + scratch.poolName() + "/" + name + ".iso.", upload);
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
            UiClick.on(robot, "#newVmSource-LOCATION");
            type(robot, "#newVmUrl", tree.url("/f40/os/"));
            type(robot, "#newVmKernelArgs", "console=ttyS0");
            toReview(robot, true);
            biosFirmware(robot); // Fedora 40 defaults to UEFI; the test's Multiboot kernel boots from SeaBIOS
            finish(robot);
            assertRunningAndSelected(robot, name);
            // The kernel boots under TCG, on a machine other tests load.
            GuestScreen.assertKernelWrote(connA, name, NetworkInstallTestbedTest.SCREEN_TEXT, Duration.ofSeconds(90));
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
        javafx.scene.Parent main = UiWait.onFx(() -> mainStage.getScene().getRoot());
        // The memory field found with the title, kept: looked up again it could be another page's.
        javafx.scene.control.TextField memory = UiWait.until("the new VM's details with 256 MiB", () -> robot.from(main)
                .lookup("#detailsTitle").tryQueryAs(Label.class).filter(l -> l.getText().equals(name))
                .flatMap(title -> robot.from(main).lookup("#hwMemory").match(NodeQueryUtils.isVisible())
                        .tryQueryAs(javafx.scene.control.TextField.class).filter(f -> f.getText().equals("256"))));
        robot.interact(() -> memory.setText("200"));
        UiClick.on(robot, "the details' Apply button", () -> robot.from(main).lookup("#hwApply").tryQuery());
        // libvirt polled off the FX thread
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> connA.domainLookupByName(name).getXMLDesc(2)
                .contains("<memory unit='KiB'>204800</memory>"));
        Button begin = UiClick.on(robot, "the customize window's Begin button", () -> robot.lookup("#customizeBegin")
                .tryQueryAs(Button.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> connA.domainLookupByName(name).getInfo().state
                == DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
        assertEquals(200 * 1024, connA.domainLookupByName(name).getInfo().maxMem, "the running VM has the new memory");
        UiWait.untilTrue("the customize window closed", () -> begin.getScene() == null
                || !begin.getScene().getWindow().isShowing());
        UiWait.untilTrue("the Console tab selected", () -> "tab-details.tab.console".equals(robot.from(main)
                .lookup("#detailsTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()));
        GuestScreen.assertConsoleShowsAFrame(connA, name);
    }

    @Test
    void cancelInstallationRemovesWhatTheWizardCreated(FxRobot robot) throws Exception {
        String name = scratch.vmName("dropped");
        defineToCustomize(robot, name);
        assertTrue(scratch.volumes().contains(name + ".qcow2"), scratch.volumes().toString());
        Button cancel = UiClick.on(robot, "the customize window's Cancel button", () -> robot.lookup("#customizeCancel")
                .tryQueryAs(Button.class));
        UiWait.untilTrue("the customize window closed", () -> cancel.getScene() == null
                || !cancel.getScene().getWindow().isShowing());
        assertFalse(List.of(connA.listDefinedDomains()).contains(name), "the definition is gone");
        assertFalse(scratch.volumes().contains(name + ".qcow2"), "the disk is gone: " + scratch.volumes());
    }

    /** A network-boot VM through the wizard with "customize before install" ticked. */
    private void defineToCustomize(FxRobot robot, String name) {
        openWizardOnHostA(robot, name);
        UiClick.on(robot, "#newVmSource-PXE");
        toReview(robot, true);
        UiClick.on(robot, "#newVmCustomize");
        finish(robot);
    }

    private static void biosFirmware(FxRobot robot) {
        robot.interact(() -> robot.lookup("#newVmFirmware").<org.vireo.wizards.newvm.Firmware>queryComboBox()
                .setValue(org.vireo.wizards.newvm.Firmware.BIOS));
    }

    private void openWizardOnHostA(FxRobot robot, String name) {
        UiWait.untilTrue(Duration.ofSeconds(30), "both hosts connected", () -> context.fleet().hosts().stream()
                .allMatch(h -> h.snapshot().state().isConnected()));
        UiClick.on(robot, "#toolbarNewVm");
        // Both test-bed hosts are "localhost" by name: pick host A by its connection.
        String idA = context.fleet().hosts().stream().filter(h -> h.entry().uri().equals(BED.hostA().unixUri()))
                .map(HostConnection::id).findFirst().orElseThrow();
        UiWait.until("host A offered in the wizard", () -> robot.lookup("#newVmHost").match(NodeQueryUtils.isVisible())
                .tryQuery().map(n -> (ComboBox<NewVmHosts.HostRef>) n).flatMap(host -> host.getItems().stream()
                        .filter(h -> h.id().equals(idA)).findFirst().map(a -> {
                            host.setValue(a);
                            return a;
                        })));
        type(robot, "#newVmName", name);
    }

    /** Clicks into the field once it is shown and usable, then types {@code text} as a user does. */
    private static void type(FxRobot robot, String field, String text) {
        UiClick.on(robot, field);
        robot.write(text);
    }

    private void clickThroughAndFinish(FxRobot robot, boolean storagePage) {
        toReview(robot, storagePage);
        finish(robot);
    }

    /** From the first page to the review page, with 256 MiB, the scratch pool and the scratch network. */
    private void toReview(FxRobot robot, boolean storagePage) {
        next(robot); // → OS
        next(robot); // → memory and CPUs
        Spinner<?> memory = UiWait.until("the memory field", () -> robot.lookup("#newVmMemory")
                .match(NodeQueryUtils.isVisible()).tryQueryAs(Spinner.class));
        robot.interact(() -> memory.getEditor().selectAll());
        UiClick.on(robot, "the memory field's editor", () -> Optional.of(memory.getEditor()));
        robot.eraseText(8).write("256").type(KeyCode.TAB); // Enter would press Next
        UiExpect.untilTrue(UiWait.LIMIT, "the typed memory taken", () -> Integer.valueOf(256).equals(memory.getValue()),
                () -> "memory " + memory.getValue());
        next(robot); // → storage, or review for an import
        if (storagePage) {
            robot.interact(() -> robot.lookup("#newVmPool").queryComboBox().setValue(scratch.poolName()));
            next(robot);
        }
        UiClick.on(robot, "#newVmNetwork");
        String choice = "Virtual network '" + scratch.networkName() + "'";
        UiClick.on(robot, choice + " in the open list", () -> robot.lookup(".combo-box-popup .list-cell")
                .match(c -> c instanceof Labeled l && choice.equals(l.getText())).tryQuery());
    }

    /** Finish on the review page; returns once the wizard closed (fails with the job's error otherwise). */
    private void finish(FxRobot robot) {
        UiClick.Target<Button> finish = UiClick.atRest("the wizard's Finish button", () -> robot.lookup("#newVmFinish")
                .tryQueryAs(Button.class));
        // Found before the click: the wizard may close at once, taking its scene with it.
        Label jobError = UiWait.onFx(() -> robot.from(finish.node().getScene().getRoot()).lookup("#newVmJobError")
                .queryAs(Label.class));
        robot.clickOn(finish.point());
        // Done when the wizard's window has closed (success) or it shows the job's error. Watched through
        // the label itself: a lookup over every window could meet the closing one without its scene root.
        // Disk, definition and start under TCG on a loaded machine.
        UiWait.untilTrue(Duration.ofSeconds(120), "the wizard closed or showing the job's error",
                () -> !wizardShowing(jobError) || !jobError.getText().isEmpty());
        assertFalse(UiWait.onFx(() -> wizardShowing(jobError)), () -> "the job failed: " + UiWait.onFx(jobError::getText));
    }

    private static boolean wizardShowing(Label inWizard) {
        javafx.scene.Scene scene = inWizard.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    /** Clicks Next once it is enabled, and waits until the wizard shows another page (the Next of a page is the same button). */
    private static void next(FxRobot robot) {
        UiClick.Target<Node> next;
        try {
            next = UiClick.atRest("the wizard's Next button", () -> robot.lookup("#newVmNext").tryQuery());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the wizard says: "
                    + UiWait.onFx(() -> robot.lookup("#newVmError").queryAs(Label.class).getText()), e);
        }
        String page = UiWait.onFx(() -> currentPage(robot));
        robot.clickOn(next.point());
        UiWait.untilTrue("the wizard's page after " + page, () -> !page.equals(currentPage(robot)));
    }

    /** The id of the wizard page now shown (each page is always in the scene, only the current one visible). */
    private static String currentPage(FxRobot robot) {
        return robot.lookup((Node n) -> n.getId() != null && n.getId().startsWith("newVmPage-") && n.isVisible())
                .tryQuery().map(Node::getId).orElse("(no page)");
    }

    private void assertRunningAndSelected(FxRobot robot, String name) throws Exception {
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, connA.domainLookupByName(name).getInfo().state);
        // Looked up in the main window only: the wizard's window may still be closing, and a lookup over
        // every window can meet it without its scene root.
        UiWait.untilTrue("the new VM selected and its details shown", () -> robot.from(mainStage.getScene().getRoot())
                .lookup("#detailsTitle").tryQueryAs(Label.class).map(l -> l.getText().equals(name) && l.isVisible())
                .orElse(false));
        GuestScreen.assertConsoleShowsAFrame(connA, name);
    }
}

package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vireo.app.AppContext;
import org.vireo.app.AppLogging;
import org.vireo.app.AppPaths;
import org.vireo.app.MainStage;
import org.vireo.app.about.Versions;
import org.vireo.app.actions.VmAction;
import org.vireo.app.actions.VmTarget;
import org.vireo.app.help.ShortcutsWindow;
import org.vireo.app.jobs.JobRegistry;
import org.vireo.resources.Messages;

/**
 * The finish users expect, on the demo host: keyboard shortcuts and their help window, the About dialog, the jobs
 * panel with its notifications, and "Copy details" on error dialogs with the error in the log file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FinishUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private MainStage.Shown shown;
    private Stage stage;
    private Handler log;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        log = AppLogging.init(home.resolve("state"));
        context = new AppContext(new AppPaths(home.resolve("config"), home.resolve("state"), home.resolve("cache")));
        shown = MainStage.showWindow(stage, context, List.of(), new Messages(Locale.ROOT));
    }

    @AfterEach
    void close() {
        context.close();
        if (log != null) {
            Logger.getLogger("").removeHandler(log);
            log.close();
        }
    }

    @Test
    void theShortcutsWindowListsEveryShortcutOfTheMenus(FxRobot robot) throws TimeoutException {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> menuKeys = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collectAccelerators(menu, menuKeys);
        }
        assertTrue(menuKeys.containsAll(List.of("Ctrl+N", "Ctrl+Q", "Ctrl+Shift+N", "Ctrl+T", "Ctrl+J", "F1")), menuKeys.toString());

        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ShortcutsWindow.Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        List<String> listed = table.getItems().stream().map(ShortcutsWindow.Shortcut::keys).toList();
        assertEquals(menuKeys.size() + 2, listed.size(),
                "every menu shortcut once, plus closing a window and the console's release keys");
        assertTrue(table.getItems().contains(new ShortcutsWindow.Shortcut("Close this window (not the main window)",
                "Ctrl+W")), table.getItems().toString());
        assertTrue(listed.containsAll(menuKeys), listed + " vs " + menuKeys);
        assertTrue(table.getItems().contains(new ShortcutsWindow.Shortcut("New VM", "Ctrl+N")), table.getItems().toString());
        assertTrue(listed.contains("Ctrl+Alt"), "the console's grab release");
        robot.clickOn("#shortcutsClose");
    }

    @Test
    void ctrlWClosesEachSecondaryWindowButNeverTheMainOne(FxRobot robot) throws TimeoutException {
        VmOpsUiTest.waitForVms(VmOpsUiTest.tree(robot));
        for (Opener opener : List.<Opener>of(
                new Opener(KeyCode.J, "#jobsTable"), new Opener(KeyCode.T, "#hostTable"),
                new Opener(null, "#shortcutsTable"), new Opener(KeyCode.COMMA, "#prefsOk"))) {
            robot.interact(() -> stage.requestFocus());
            if (opener.key() == null) {
                robot.push(KeyCode.F1);
            } else {
                robot.press(KeyCode.CONTROL, opener.key()).release(opener.key(), KeyCode.CONTROL);
            }
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(opener.id()).tryQuery().isPresent());
            javafx.stage.Window secondary = robot.lookup(opener.id()).query().getScene().getWindow();
            assertTrue(secondary != stage && secondary.isShowing(), opener.id());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, secondary::isFocused);

            robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);

            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !secondary.isShowing());
            assertTrue(stage.isShowing(), "the main window stays after closing " + opener.id());
        }
        robot.interact(() -> stage.requestFocus());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, stage::isFocused);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Ctrl+W never closes the main window");
    }

    /** The keys (with Ctrl; none for F1) that open a window, and a node id inside it. */
    private record Opener(KeyCode key, String id) {
    }

    private static void collectAccelerators(Menu menu, List<String> keys) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collectAccelerators(sub, keys);
            } else if (item.getAccelerator() != null) {
                keys.add(item.getAccelerator().getDisplayText());
            }
        }
    }

    @Test
    void pressingShortcutsOpensTheJobsWindowTheHostTableAndTheNewVmWizard(FxRobot robot) throws TimeoutException {
        VmOpsUiTest.waitForVms(VmOpsUiTest.tree(robot));
        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        robot.clickOn("#jobsClose");
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#hostTable").tryQuery().isPresent());
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#newVmWizard").tryQuery().isPresent());
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void aBulkActionAppearsInTheJobsPanelAndFinishesWithItsResult(FxRobot robot) throws TimeoutException {
        select(robot, "web1", "web2", "db1");
        VmOpsUiTest.forceOffConfirmed(robot);
        closeBulkView(robot);

        Button jobsButton = robot.lookup("#jobsButton").queryButton();
        TableView<JobRegistry.Job> table = openJobs(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(j ->
                j.title().equals("Force off on 3 VMs") && j.state() == JobRegistry.State.SUCCEEDED));
        JobRegistry.Job job = table.getItems().get(0);
        assertEquals("3 of 3 done, 0 failed", job.result());
        assertEquals("Jobs: 0 running", jobsButton.getText());
        robot.clickOn("#jobsClose");
    }

    @Test
    void aFailingJobShowsItsErrorInThePanelAndANotification(FxRobot robot) throws TimeoutException {
        select(robot, "web1", "web2");
        // Starting VMs that already run: libvirt refuses each one, 3 s later, once the user closed the bulk view
        // (while the job's own view shows its end, no notification covers the window).
        robot.interact(() -> {
            List<VmTarget> running = shown.viewModel().selectedTargets();
            assertEquals(2, running.size());
            shown.viewModel().runOn("Start", running, t -> CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS))
                    .thenCompose(ready -> VmAction.START.invoke(t.host(), t.vm())));
        });
        closeBulkView(robot);
        assertEquals(1, shown.window().jobs().runningProperty().get(), "closed before the job ended");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").tryQuery().isPresent());

        TableView<JobRegistry.Job> table = openJobs(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).state() == JobRegistry.State.FAILED);
        JobRegistry.Job failed = table.getItems().get(0);
        assertEquals("Start on 2 VMs", failed.title());
        assertEquals("2 of 2 done, 2 failed", failed.result());
        assertTrue(failed.error().contains("web1") && failed.error().contains("web2"), failed.error());
        assertTrue(failed.error().toLowerCase(Locale.ROOT).contains("already running"), failed.error());
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea details = robot.lookup("#jobDetails").queryAs(TextArea.class);
        assertTrue(details.getText().contains(failed.error()), details.getText());
        robot.clickOn("#jobsClose");
    }

    @Test
    void aboutShowsTheVersionsOfVireoLibvirtJavaFxJavaAndTheDemoHostAndCopiesThem(FxRobot robot)
            throws TimeoutException {
        VmOpsUiTest.waitForVms(VmOpsUiTest.tree(robot));
        robot.clickOn("Help");
        robot.clickOn("About Vireo");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutView").tryQuery().isPresent());
        Label client = robot.lookup("#aboutLibvirtClient").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> client.getText().matches("\\d+\\.\\d+\\.\\d+"));
        assertEquals(Versions.vireoVersion(), robot.lookup("#aboutVireo").queryAs(Label.class).getText());
        assertEquals(System.getProperty("javafx.runtime.version"), robot.lookup("#aboutJavafx").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#aboutJava").queryAs(Label.class).getText().startsWith(System.getProperty("java.runtime.version")));
        @SuppressWarnings("unchecked")
        TableView<Versions.Host> hosts = robot.lookup("#aboutHosts").queryAs(TableView.class);
        assertEquals(1, hosts.getItems().size(), hosts.getItems().toString());
        Versions.Host demo = hosts.getItems().get(0);
        // The demo host is libvirt's test driver, inside this process: the daemon's version is the client's.
        assertEquals(client.getText(), demo.libvirt());
        assertTrue(demo.hypervisor().startsWith("TEST"), demo.hypervisor());

        robot.clickOn("#aboutCopy");
        String copied = clipboard(robot);
        assertTrue(copied.contains("libvirt client library: " + client.getText()), copied);
        assertTrue(copied.contains("JavaFX: " + System.getProperty("javafx.runtime.version")), copied);
        assertTrue(copied.contains("Host " + demo.name() + " (" + demo.uri() + "): libvirt " + demo.libvirt()), copied);
        robot.clickOn("#aboutClose");
    }

    @Test
    void copyDetailsOnAnErrorDialogPutsTheErrorItsCauseAndTheVersionsOnTheClipboardAndTheLogHasIt(FxRobot robot)
            throws Exception {
        VmOpsUiTest.waitForVms(VmOpsUiTest.tree(robot));
        IllegalStateException error = new IllegalStateException("pool 'images' is full",
                new java.io.IOException("No space left on device"));
        robot.interact(() -> new org.vireo.app.dialog.FxDialogService(stage, new Messages(Locale.ROOT))
                .showError("Cannot create volume", "The volume finish-test.qcow2 could not be created.", error));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#copyErrorDetails").tryQuery().isPresent());
        Button copy = robot.lookup("#copyErrorDetails").queryButton();
        robot.clickOn(copy);
        String copied = clipboard(robot);
        assertTrue(copied.startsWith("Cannot create volume\nThe volume finish-test.qcow2 could not be created."), copied);
        assertTrue(copied.contains("java.lang.IllegalStateException: pool 'images' is full"), copied);
        assertTrue(copied.contains("Caused by: java.io.IOException: No space left on device"), copied);
        assertTrue(copied.contains("Vireo: " + Versions.vireoVersion()), copied);
        assertTrue(copied.contains("Java: " + System.getProperty("java.runtime.version")), copied);
        assertTrue(copy.getScene().getWindow().isShowing(), "copying leaves the dialog open");
        robot.clickOn("OK");

        Path logFile = home.resolve("state").resolve("vireo.0.log");
        String logged = Files.readString(logFile);
        assertTrue(logged.contains("Cannot create volume: The volume finish-test.qcow2 could not be created."), logged);
        assertTrue(logged.contains("Caused by: java.io.IOException: No space left on device"), logged);
    }

    /** Waits for the demo host's VMs, then selects exactly {@code names}. */
    private static void select(FxRobot robot, String... names) throws TimeoutException {
        VmOpsUiTest.waitForVms(VmOpsUiTest.tree(robot));
        for (int i = 0; i < names.length; i++) {
            VmOpsUiTest.selectVm(robot, names[i], i > 0);
        }
    }

    private static void closeBulkView(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#bulkClose").tryQuery().isPresent());
        robot.clickOn("#bulkClose");
    }

    /** The status bar's jobs button opens the jobs window; returns its table. */
    @SuppressWarnings("unchecked")
    private static TableView<JobRegistry.Job> openJobs(FxRobot robot) throws TimeoutException {
        robot.clickOn("#jobsButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        return robot.lookup("#jobsTable").queryAs(TableView.class);
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Optional.ofNullable(Clipboard.getSystemClipboard().getString()).orElse(""));
        return text[0];
    }
}

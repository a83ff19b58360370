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
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javafx.scene.Node;
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
import javafx.stage.Window;
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
import org.vireo.app.MainStage;
import org.vireo.app.about.Versions;
import org.vireo.app.actions.VmAction;
import org.vireo.app.actions.VmTarget;
import org.vireo.app.help.ShortcutsWindow;
import org.vireo.app.jobs.JobRegistry;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
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
        context = WindowOnFolders.context(home);
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
    void theShortcutsWindowListsEveryShortcutOfTheMenus(FxRobot robot) {
        List<String> menuKeys = UiWait.onFx(() -> {
            List<String> keys = new ArrayList<>();
            for (Menu menu : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
                collectAccelerators(menu, keys);
            }
            return keys;
        });
        assertTrue(menuKeys.containsAll(List.of("Ctrl+N", "Ctrl+Q", "Ctrl+Shift+N", "Ctrl+T", "Ctrl+J", "F1")), menuKeys.toString());

        focusMainWindow(robot);
        robot.push(KeyCode.F1);
        // A copy of the rows as the window listed them, read on the FX thread.
        @SuppressWarnings("unchecked")
        List<ShortcutsWindow.Shortcut> shortcuts = UiWait.until("the shortcuts window's table, filled",
                () -> robot.lookup("#shortcutsTable").match(UiClick::clickable).tryQueryAs(TableView.class)
                        .map(table -> List.<ShortcutsWindow.Shortcut>copyOf(table.getItems()))
                        .filter(items -> !items.isEmpty()));
        List<String> listed = shortcuts.stream().map(ShortcutsWindow.Shortcut::keys).toList();
        assertEquals(menuKeys.size() + 2, listed.size(),
                "every menu shortcut once, plus closing a window and the console's release keys");
        assertTrue(shortcuts.contains(new ShortcutsWindow.Shortcut("Close this window (not the main window)",
                "Ctrl+W")), shortcuts.toString());
        assertTrue(listed.containsAll(menuKeys), listed + " vs " + menuKeys);
        assertTrue(shortcuts.contains(new ShortcutsWindow.Shortcut("New VM", "Ctrl+N")), shortcuts.toString());
        assertTrue(listed.contains("Ctrl+Alt"), "the console's grab release");
        UiClick.on(robot, "#shortcutsClose");
    }

    @Test
    void ctrlWClosesEachSecondaryWindowButNeverTheMainOne(FxRobot robot) {
        waitForVms(robot);
        for (Opener opener : List.<Opener>of(
                new Opener(KeyCode.J, "#jobsTable"), new Opener(KeyCode.T, "#hostTable"),
                new Opener(null, "#shortcutsTable"), new Opener(KeyCode.COMMA, "#prefsOk"))) {
            focusMainWindow(robot);
            if (opener.key() == null) {
                robot.push(KeyCode.F1);
            } else {
                robot.press(KeyCode.CONTROL, opener.key()).release(opener.key(), KeyCode.CONTROL);
            }
            Window secondary = UiWait.until("the window with " + opener.id() + " on screen",
                    () -> robot.lookup(opener.id()).match(UiClick::clickable).tryQuery().map(n -> n.getScene().getWindow()));
            assertTrue(secondary != stage, opener.id() + " opens a window of its own");
            UiWait.untilTrue("the window with " + opener.id() + " focused", secondary::isFocused);

            robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);

            UiWait.untilTrue("Ctrl+W closing the window with " + opener.id(), () -> !secondary.isShowing());
            assertTrue(UiWait.onFx(stage::isShowing), "the main window stays after closing " + opener.id());
        }
        focusMainWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiWait.onFx(stage::isShowing), "Ctrl+W never closes the main window");
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
    void pressingShortcutsOpensTheJobsWindowTheHostTableAndTheNewVmWizard(FxRobot robot) {
        waitForVms(robot);
        focusMainWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        UiClick.shown(robot, "#jobsTable");
        UiClick.on(robot, "#jobsClose");
        focusMainWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        UiClick.shown(robot, "#hostTable");
        focusMainWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Node wizard = UiClick.shown(robot, "#newVmWizard");
        UiWait.untilTrue("the new VM wizard focused", () -> wizard.getScene().getWindow().isFocused());
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void aBulkActionAppearsInTheJobsPanelAndFinishesWithItsResult(FxRobot robot) throws TimeoutException {
        select(robot, "web1", "web2", "db1");
        VmOpsUiTest.forceOffConfirmed(robot);
        closeBulkView(robot);

        Button jobsButton = UiWait.onFx(() -> robot.lookup("#jobsButton").queryButton());
        TableView<JobRegistry.Job> table = openJobs(robot);
        // Jobs are immutable values: the one the wait found is what the panel showed.
        JobRegistry.Job job = UiWait.until("the force-off job succeeded in the jobs panel", () -> table.getItems()
                .stream().filter(j -> j.title().equals("Force off on 3 VMs") && j.state() == JobRegistry.State.SUCCEEDED)
                .findFirst());
        assertEquals("3 of 3 done, 0 failed", job.result());
        UiExpect.checked("the jobs button counting no running job", jobsButton::getText,
                text -> assertEquals("Jobs: 0 running", text));
        UiClick.on(robot, "#jobsClose");
    }

    @Test
    void aFailingJobShowsItsErrorInThePanelAndANotification(FxRobot robot) throws TimeoutException {
        select(robot, "web1", "web2");
        // Starting VMs that already run: libvirt refuses each one, once the user closed the bulk view (while the
        // job's own view shows its end, no notification covers the window). The test lets the calls go after
        // closing the view, not after a fixed delay a loaded machine may need all of to get there.
        CompletableFuture<Void> userClosedTheView = new CompletableFuture<>();
        robot.interact(() -> {
            List<VmTarget> running = shown.viewModel().selectedTargets();
            assertEquals(2, running.size());
            shown.viewModel().runOn("Start", running, t -> userClosedTheView
                    .thenCompose(ready -> VmAction.START.invoke(t.host(), t.vm())));
        });
        closeBulkView(robot);
        assertEquals(1, UiWait.onFx(() -> shown.window().jobs().runningProperty().get()), "closed before the job ended");
        userClosedTheView.complete(null);
        UiClick.shown(robot, ".notification-bar");

        TableView<JobRegistry.Job> table = openJobs(robot);
        JobRegistry.Job failed = UiWait.until("the start job failed in the jobs panel", () -> table.getItems().stream()
                .findFirst().filter(j -> j.state() == JobRegistry.State.FAILED));
        assertEquals("Start on 2 VMs", failed.title());
        assertEquals("2 of 2 done, 2 failed", failed.result());
        assertTrue(failed.error().contains("web1") && failed.error().contains("web2"), failed.error());
        assertTrue(failed.error().toLowerCase(Locale.ROOT).contains("already running"), failed.error());
        robot.interact(() -> table.getSelectionModel().select(0));
        UiExpect.checked("the selected job's details", () -> robot.lookup("#jobDetails").queryAs(TextArea.class)
                .getText(), text -> assertTrue(text.contains(failed.error()), text));
        UiClick.on(robot, "#jobsClose");
    }

    @Test
    void aboutShowsTheVersionsOfVireoLibvirtJavaFxJavaAndTheDemoHostAndCopiesThem(FxRobot robot) {
        waitForVms(robot);
        UiClick.on(robot, "Help");
        // The menu's popup is a window of its own: click the item once that window is on screen.
        UiClick.on(robot, "About Vireo");
        Node view = UiClick.shown(robot, "#aboutView");
        // What the window showed once the client library was read (that is asked in the background).
        About about = UiWait.until("the About window with the libvirt client's version", () -> {
            About seen = About.of(robot, view);
            return Optional.of(seen).filter(a -> a.client().matches("\\d+\\.\\d+\\.\\d+"));
        });
        assertEquals(Versions.vireoVersion(), about.vireo());
        assertEquals(System.getProperty("javafx.runtime.version"), about.javafx());
        assertTrue(about.java().startsWith(System.getProperty("java.runtime.version")), about.java());
        assertEquals(1, about.hosts().size(), about.hosts().toString());
        Versions.Host demo = about.hosts().get(0);
        // The demo host is libvirt's test driver, inside this process: the daemon's version is the client's.
        assertEquals(about.client(), demo.libvirt());
        assertTrue(demo.hypervisor().startsWith("TEST"), demo.hypervisor());

        UiClick.on(robot, "the About window's copy button", () -> robot.from(view).lookup("#aboutCopy").tryQuery());
        String copied = clipboardOnceItHas(robot, "libvirt client library: " + about.client());
        assertTrue(copied.contains("JavaFX: " + System.getProperty("javafx.runtime.version")), copied);
        assertTrue(copied.contains("Host " + demo.name() + " (" + demo.uri() + "): libvirt " + demo.libvirt()), copied);
        UiClick.on(robot, "the About window's close button", () -> robot.from(view).lookup("#aboutClose").tryQuery());
    }

    /** The About window's values at one instant, read on the FX thread. */
    private record About(String vireo, String client, String javafx, String java, List<Versions.Host> hosts) {
        @SuppressWarnings("unchecked")
        static About of(FxRobot robot, Node view) {
            return new About(text(robot, view, "#aboutVireo"), text(robot, view, "#aboutLibvirtClient"),
                    text(robot, view, "#aboutJavafx"), text(robot, view, "#aboutJava"),
                    List.copyOf(robot.from(view).lookup("#aboutHosts").queryAs(TableView.class).getItems()));
        }

        private static String text(FxRobot robot, Node view, String id) {
            return robot.from(view).lookup(id).queryAs(Label.class).getText();
        }
    }

    @Test
    void copyDetailsOnAnErrorDialogPutsTheErrorItsCauseAndTheVersionsOnTheClipboardAndTheLogHasIt(FxRobot robot)
            throws Exception {
        waitForVms(robot);
        IllegalStateException error = new IllegalStateException("pool 'images' is full",
                new java.io.IOException("No space left on device"));
        robot.interact(() -> new org.vireo.app.dialog.FxDialogService(stage, new Messages(Locale.ROOT))
                .showError("Cannot create volume", "The volume finish-test.qcow2 could not be created.", error));
        Button copy = UiClick.on(robot, "the error dialog's Copy details button",
                () -> robot.lookup("#copyErrorDetails").match(UiClick::clickable).tryQueryAs(Button.class));
        String copied = clipboardOnceItHas(robot, "Cannot create volume\nThe volume finish-test.qcow2 could not be created.");
        assertTrue(copied.startsWith("Cannot create volume\nThe volume finish-test.qcow2 could not be created."), copied);
        assertTrue(copied.contains("java.lang.IllegalStateException: pool 'images' is full"), copied);
        assertTrue(copied.contains("Caused by: java.io.IOException: No space left on device"), copied);
        assertTrue(copied.contains("Vireo: " + Versions.vireoVersion()), copied);
        assertTrue(copied.contains("Java: " + System.getProperty("java.runtime.version")), copied);
        assertTrue(UiWait.onFx(() -> copy.getScene().getWindow().isShowing()), "copying leaves the dialog open");
        // The error dialog's own OK, not some other window's.
        Node dialog = UiWait.onFx(() -> copy.getScene().getRoot());
        UiClick.on(robot, "the error dialog's OK button", () -> robot.from(dialog).lookup("OK").tryQuery());

        Path logFile = home.resolve("state").resolve("vireo.0.log");
        String logged = Files.readString(logFile);
        assertTrue(logged.contains("Cannot create volume: The volume finish-test.qcow2 could not be created."), logged);
        assertTrue(logged.contains("Caused by: java.io.IOException: No space left on device"), logged);
    }

    /** Waits for the demo host's VMs, then selects exactly {@code names}. */
    private static void select(FxRobot robot, String... names) {
        waitForVms(robot);
        for (int i = 0; i < names.length; i++) {
            VmOpsUiTest.selectVm(robot, names[i], i > 0);
        }
    }

    private static void waitForVms(FxRobot robot) {
        UiWait.untilTrue("the demo host's VMs in the tree", () -> !VmOpsUiTest.vmNames(VmOpsUiTest.tree(robot)).isEmpty());
    }

    /** Key presses go to the focused window: the main window asks for focus and the test waits until it has it. */
    private void focusMainWindow(FxRobot robot) {
        robot.interact(() -> stage.requestFocus());
        UiWait.untilTrue("the main window focused", stage::isFocused);
    }

    private static void closeBulkView(FxRobot robot) {
        UiClick.on(robot, "#bulkClose");
    }

    /** The status bar's jobs button opens the jobs window; returns its table. */
    @SuppressWarnings("unchecked")
    private static TableView<JobRegistry.Job> openJobs(FxRobot robot) {
        UiClick.on(robot, "#jobsButton");
        return (TableView<JobRegistry.Job>) UiClick.shown(robot, "#jobsTable");
    }

    /** The clipboard's text once it holds {@code expected}: a click's copy may land a moment after the click. */
    private static String clipboardOnceItHas(FxRobot robot, String expected) {
        return UiExpect.checked("the clipboard holding " + expected,
                () -> Optional.ofNullable(Clipboard.getSystemClipboard().getString()).orElse(""),
                text -> assertTrue(text.contains(expected), "the clipboard holds: " + text));
    }
}

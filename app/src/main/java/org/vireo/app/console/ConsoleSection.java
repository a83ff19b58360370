package org.vireo.app.console;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.vireo.app.dialog.DialogService;
import org.vireo.app.main.DetailsSection;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;
import org.vireo.vnc.FramebufferImage;
import org.vireo.vnc.VncClient;

/**
 * The Console tab of a running VM: its {@link ConsoleSession} connects when the tab is first shown and follows the
 * VM; a console can leave the tab for its own window (several at once, one per VM) or go full screen.
 */
public final class ConsoleSection implements DetailsSection, ConsolePane.Actions {
    private final ConsoleServices services;
    private final ObservableList<HostSnapshot> hosts;
    private final DialogService dialogs;
    private final TaskExecutor ui;
    private final Messages messages;
    private final StackPane slot = new StackPane();
    /** Sessions alive now: the tab's, and those in their own windows. */
    private final Map<String, ConsoleSession> sessions = new HashMap<>();
    private final Map<String, ConsolePane> panes = new HashMap<>();
    private final Map<String, ConsoleWindow> windows = new HashMap<>();
    private ConsoleSession inTab;
    private java.util.function.BiFunction<Window, String, File> screenshotFile = this::chooseFile;

    /** @param hosts the window's host list (FX thread), followed by every console */
    public ConsoleSection(ConsoleServices services, ObservableList<HostSnapshot> hosts, DialogService dialogs,
                          TaskExecutor ui, Messages messages) {
        this.services = services;
        this.hosts = hosts;
        this.dialogs = dialogs;
        this.ui = ui;
        this.messages = messages;
        slot.setId("consoleTab");
        slot.getProperties().put(ConsoleSection.class, this); // reachable from the node (tests, window menus)
        hosts.addListener((ListChangeListener<HostSnapshot>) change -> {
            for (ConsoleSession s : List.copyOf(sessions.values())) {
                s.follow(hosts);
            }
        });
        // The tab's content is made visible when the tab is selected: connect on first show, not before.
        slot.parentProperty().addListener((o, was, parent) -> {
            if (parent != null) {
                parent.visibleProperty().addListener((p, a, visible) -> startIfShown());
            }
        });
    }

    @Override
    public String titleKey() {
        return "details.tab.console";
    }

    @Override
    public Node content() {
        return slot;
    }

    /** Running VMs, and a VM whose open console now shows that it stopped. */
    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return vm != null && (vm.state().isActive() || (inTab != null && inTab.uuid().equals(vm.uuid()) && inTab.isStarted()));
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        if (vm == null) {
            return;
        }
        if (inTab == null || !inTab.uuid().equals(vm.uuid())) {
            if (inTab != null && !windows.containsKey(inTab.uuid())) {
                forget(inTab);
            }
            inTab = sessions.computeIfAbsent(vm.uuid(), uuid -> newSession(uuid, vm.name()));
            placeInTab();
        }
        startIfShown();
    }

    /** Sessions alive (in the tab or in windows), by VM UUID; for tests and the window menu. */
    public Map<String, ConsoleSession> sessions() {
        return Map.copyOf(sessions);
    }

    private ConsoleSession newSession(String uuid, String name) {
        ConsoleSession s = new ConsoleSession(uuid, name, services, ui, messages);
        panes.put(uuid, new ConsolePane(s, messages, this));
        s.follow(hosts);
        return s;
    }

    private void startIfShown() {
        Parent parent = slot.getParent();
        if (inTab != null && slot.getScene() != null && parent != null && parent.isVisible()
                && !windows.containsKey(inTab.uuid())) {
            inTab.start(hosts);
        }
    }

    private void placeInTab() {
        if (inTab == null) {
            slot.getChildren().clear();
        } else if (windows.containsKey(inTab.uuid())) {
            Label text = new Label(messages.get("console.detached"));
            Button back = new Button(messages.get("console.attachBack"));
            back.setId("consoleAttachBack");
            String uuid = inTab.uuid();
            back.setOnAction(e -> windows.get(uuid).close());
            VBox box = new VBox(10, text, back);
            box.setAlignment(Pos.CENTER);
            box.setId("consoleDetachedNote");
            slot.getChildren().setAll(box);
        } else {
            slot.getChildren().setAll(panes.get(inTab.uuid()));
        }
    }

    private void forget(ConsoleSession session) {
        session.dispose();
        sessions.remove(session.uuid());
        panes.remove(session.uuid());
    }

    @Override
    public void detach(ConsoleSession session) {
        openWindow(session, false);
    }

    @Override
    public void fullscreen(ConsoleSession session) {
        ConsoleWindow existing = windows.get(session.uuid());
        if (existing != null) {
            existing.setFullScreen(true);
        } else {
            openWindow(session, true);
        }
    }

    private void openWindow(ConsoleSession session, boolean fullscreen) {
        if (windows.containsKey(session.uuid())) {
            return;
        }
        Window owner = slot.getScene() == null ? null : slot.getScene().getWindow();
        ConsolePane pane = panes.get(session.uuid());
        slot.getChildren().remove(pane);
        ConsoleWindow window = new ConsoleWindow(session, pane, messages, owner, fullscreen,
                () -> windowClosed(session));
        windows.put(session.uuid(), window);
        session.start(hosts);
        placeInTab();
    }

    private void windowClosed(ConsoleSession session) {
        windows.remove(session.uuid());
        if (inTab == session) {
            placeInTab();
        } else {
            forget(session);
        }
    }

    /** Windows of detached consoles, by VM UUID (tests). */
    public Map<String, javafx.stage.Stage> windows() {
        Map<String, javafx.stage.Stage> out = new HashMap<>();
        windows.forEach((uuid, w) -> out.put(uuid, w.stage()));
        return out;
    }

    @Override
    public void screenshot(ConsoleSession session) {
        VncClient client = session.view().getClient();
        if (client == null) {
            return;
        }
        Window owner = panes.get(session.uuid()).getScene() == null ? null : panes.get(session.uuid()).getScene().getWindow();
        File file = screenshotFile.apply(owner, session.vmNameProperty().get() + ".png");
        if (file != null) {
            saveScreenshot(session, client, file);
        }
    }

    private File chooseFile(Window owner, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("console.screenshot.title"));
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        return chooser.showSaveDialog(owner);
    }

    /** Replaces the save dialog (tests drive the toolbar without a native file dialog); null result: cancelled. */
    public void setScreenshotFileChooser(java.util.function.BiFunction<Window, String, File> chooser) {
        this.screenshotFile = java.util.Objects.requireNonNull(chooser, "chooser");
    }

    /** Writes the client's current frame off the FX thread and reports the outcome. */
    private void saveScreenshot(ConsoleSession session, VncClient client, File file) {
        java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                FramebufferImage.writePng(client.framebuffer(), file.toPath());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, services.workers());
        ui.whenDone(write, ok -> session.note(messages.get("console.status.saved", file)),
                error -> dialogs.showError(messages.get("console.screenshot.failed"),
                        error.getMessage() + " (" + file + ")", error));
    }
}

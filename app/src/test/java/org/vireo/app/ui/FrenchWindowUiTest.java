package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.AppContext;
import org.vireo.app.MainStage;
import org.vireo.app.main.TreeRow;
import org.vireo.app.testsupport.UiClick;
import org.vireo.app.testsupport.UiDialogs;
import org.vireo.app.testsupport.UiExpect;
import org.vireo.app.testsupport.UiWait;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.VmOperations;
import org.vireo.resources.Messages;

/**
 * The main window in French shows no English sentence of ours: every text of the window, its menus, its
 * columns and each details tab of a selected VM is compared with the English bundle. The source scan
 * ({@code HardCodedStringsTest}) catches literals; this catches a view that picks the wrong bundle or key.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FrenchWindowUiTest {
    @TempDir
    static Path home;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = WindowOnFolders.context(home);
        MainStage.show(stage, context, List.of(), new Messages(Locale.FRENCH));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void noEnglishTextInTheWindowItsMenusAndTheDetailsTabs(FxRobot robot) {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        UiWait.until("a VM in the tree", () -> Optional.ofNullable(vm(tree.getRoot())));
        // Found and selected in one FX step: the tree may rebuild its items in between two.
        UiWait.untilTrue("a VM selected", () -> {
            TreeItem<TreeRow> vm = vm(tree.getRoot());
            tree.getSelectionModel().select(vm);
            return vm != null && tree.getSelectionModel().getSelectedItem() == vm;
        });
        TabPane tabs = UiExpect.node(robot, "#detailsTabs", TabPane.class);
        int count = UiExpect.until("the VM's details tabs", () -> tabs.getTabs().size(), n -> n > 2);

        Set<String> english = englishOnly();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            // Read once the tab's content is in the window and shown (a pulse after the selection).
            UiWait.untilTrue("details tab " + index + " shown", () -> {
                Tab tab = tabs.getTabs().get(index);
                return tab.isSelected() && tab.getContent() != null && tab.getContent().getScene() != null
                        && UiClick.clickable(tab.getContent());
            });
            robot.interact(() -> collect(stage.getScene().getRoot(), seen));
        }
        seen.retainAll(english);
        assertEquals(Set.of(), seen, "English texts in the French window");
        assertTrue(english.contains("Virtual machine") && english.contains("Running"), "the English list is read");
    }

    /**
     * A real refusal by libvirt in the French window: the snapshot shown in the Snapshots tab was deleted by another
     * program, so reverting to it fails; the error dialog says so in French, with libvirt's own words after it.
     */
    @Test
    void aRefusedRevertIsReportedInFrench(FxRobot robot) throws Exception {
        TreeTableView<TreeRow> tree = VmOpsUiTest.tree(robot);
        TreeRow.VmRow row = UiWait.until("builder2 in the tree",
                () -> Optional.ofNullable(vmNamed(tree.getRoot(), "builder2"))
                .map(item -> (TreeRow.VmRow) item.getValue()));
        HostConnection host = context.fleet().get(row.connectionId()).orElseThrow();
        VmOperations elsewhere = new VmOperations(host);
        String uuid = row.vm().uuid();
        elsewhere.createSnapshot(uuid, "gone", "", false).get(20, TimeUnit.SECONDS);

        VmOpsUiTest.clickVm(robot, "builder2");
        VmOpsUiTest.clickTab(robot, "tab-details.tab.snapshots");
        @SuppressWarnings("unchecked")
        TreeView<Object> snapshots = UiExpect.node(robot, "#snapshotTree", TreeView.class);
        UiExpect.equal("snapshots listed", 1,
                () -> snapshots.getRoot() == null ? 0 : snapshots.getRoot().getChildren().size());
        elsewhere.deleteSnapshot(uuid, "gone").get(20, TimeUnit.SECONDS);
        robot.interact(() -> snapshots.getSelectionModel().select(snapshots.getRoot().getChildren().get(0)));
        UiClick.on(robot, "#snapRevert"); // enabled once a snapshot is selected
        DialogPane question = UiDialogs.showing(robot, "the revert question", p -> p.lookup("#dontAskAgain") != null);
        UiDialogs.answer(robot, question, ButtonType.OK);

        DialogPane error = UiDialogs.showing(robot, "the French error dialog",
                p -> "\u00c9chec\u00a0: Restaurer".equals(p.getHeaderText()));
        String french = "Impossible de revenir \u00e0 l\u2019instantan\u00e9 \u00ab\u00a0gone\u00a0\u00bb de "
                + "\u00ab\u00a0builder2\u00a0\u00bb sur " + host.displayName() + "\u00a0: ";
        String shown = UiWait.onFx(error::getContentText);
        assertTrue(shown.startsWith(french), shown);
        assertTrue(shown.substring(french.length()).contains("gone"), "libvirt's own reason follows: " + shown);
        Screenshots.save(robot, "french-revert-refused");
        UiDialogs.answer(robot, error, ButtonType.OK);
    }

    /** The first VM row under {@code item} named {@code name} (any VM when null). */
    private static TreeItem<TreeRow> vmNamed(TreeItem<TreeRow> item, String name) { // call on the FX thread
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof TreeRow.VmRow v && (name == null || v.vm().name().equals(name))) {
            return item;
        }
        for (TreeItem<TreeRow> child : item.getChildren()) {
            TreeItem<TreeRow> found = vmNamed(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TreeItem<TreeRow> vm(TreeItem<TreeRow> item) {
        return vmNamed(item, null);
    }

    /** Every text the node shows or holds for a menu, tab, column or prompt. */
    private static void collect(Node node, Set<String> texts) {
        if (node instanceof Labeled l) {
            add(texts, l.getText());
        }
        if (node instanceof Text t) {
            add(texts, t.getText());
        }
        if (node instanceof TextInputControl t) {
            add(texts, t.getPromptText());
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(menu -> collect(menu, texts));
        }
        if (node instanceof TabPane pane) {
            pane.getTabs().stream().map(Tab::getText).forEach(text -> add(texts, text));
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(column -> collect(column, texts));
        }
        if (node instanceof TreeTableView<?> table) {
            table.getColumns().forEach(column -> collect(column, texts));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static void collect(MenuItem item, Set<String> texts) {
        add(texts, item.getText());
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> collect(child, texts));
        }
    }

    private static void collect(TableColumnBase<?, ?> column, Set<String> texts) {
        add(texts, column.getText());
        column.getColumns().forEach(child -> collect(child, texts));
    }

    private static void add(Set<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }

    /** English values whose French differs: "CPU", "OK" or "Console" read the same in both and do not count. */
    private static Set<String> englishOnly() {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        Set<String> english = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key).strip();
            if (!value.equals(fr.getProperty(key, "").strip()) && !value.contains("{")) {
                english.add(value);
            }
        }
        return english;
    }

    private static Properties bundle(String file) {
        try (InputStream in = Messages.class.getResourceAsStream("i18n/" + file)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.vireo.app.prefs;

import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vireo.app.prefs.Preferences.KeyboardMode;
import org.vireo.app.prefs.Preferences.Language;
import org.vireo.resources.Messages;
import org.vireo.vnc.fx.VncView;
import org.vireo.app.dialog.CloseShortcut;

/**
 * Edit → Preferences: general (theme, language), stats, console, confirmations, new VMs. OK stays disabled while
 * a field is invalid; each invalid field says why right under it.
 */
public final class PreferencesDialog extends Dialog<Preferences> {
    private final Messages messages;

    public PreferencesDialog(PreferencesViewModel model, Messages messages) {
        this.messages = messages;
        setTitle(messages.get("prefs.title"));
        CloseShortcut.install(this);
        TabPane tabs = new TabPane(
                tab("prefs.tab.general", "prefsTabGeneral", general(model)),
                tab("prefs.tab.stats", "prefsTabStats", stats(model)),
                tab("prefs.tab.console", "prefsTabConsole", console(model)),
                tab("prefs.tab.confirmations", "prefsTabConfirmations", confirmations(model)),
                tab("prefs.tab.newVm", "prefsTabNewVm", newVm(model)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefWidth(720);
        getDialogPane().setContent(tabs);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("prefsOk");
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.validProperty().not());
        setResultConverter(button -> button == ButtonType.OK ? model.result().orElse(null) : null);
    }

    private Tab tab(String key, String id, Node content) {
        Tab tab = new Tab(messages.get(key), content);
        tab.setId(id);
        return tab;
    }

    private Node general(PreferencesViewModel model) {
        GridPane grid = grid();
        row(grid, 0, "prefs.theme", choice("prefsTheme", model.themeProperty(),
                List.of(Preferences.Theme.values()), "prefs.theme."));
        row(grid, 1, "prefs.language", choice("prefsLanguage", model.languageProperty(), List.of(Language.values()),
                "prefs.language."));
        Label restart = note("prefs.language.restart");
        restart.setId("prefsLanguageRestart");
        restart.visibleProperty().bind(model.languageNeedsRestart());
        grid.add(restart, 1, 2);
        return grid;
    }

    private Node stats(PreferencesViewModel model) {
        GridPane grid = grid();
        row(grid, 0, "prefs.interval", field("prefsInterval", model.intervalProperty()));
        grid.add(error("prefsIntervalError", model.intervalErrorProperty()), 1, 1);
        row(grid, 2, "prefs.history", field("prefsHistory", model.historyProperty()));
        grid.add(error("prefsHistoryError", model.historyErrorProperty()), 1, 3);
        grid.add(note("prefs.history.note"), 1, 4);
        grid.add(new Label(messages.get("prefs.collect")), 0, 5);
        grid.add(new VBox(4, check("prefsCollectDisk", "prefs.collect.disk", model.collectDiskProperty()),
                check("prefsCollectNetwork", "prefs.collect.network", model.collectNetworkProperty())), 1, 5);
        return grid;
    }

    private Node console(PreferencesViewModel model) {
        GridPane grid = grid();
        row(grid, 0, "prefs.scaling", choice("prefsScaling", model.scalingProperty(),
                List.of(VncView.ScaleMode.values()), "prefs.scaling."));
        // Key names read the same in every language.
        ChoiceBox<VncView.GrabRelease> release = new ChoiceBox<>();
        release.getItems().setAll(VncView.GrabRelease.values());
        release.setConverter(converter(r -> r.keys()));
        release.valueProperty().bindBidirectional(model.releaseKeysProperty());
        release.setId("prefsReleaseKeys");
        row(grid, 1, "prefs.releaseKeys", release);
        row(grid, 2, "prefs.keyboard", choice("prefsKeyboard", model.keyboardProperty(),
                List.of(KeyboardMode.values()), "prefs.keyboard."));
        grid.add(note("prefs.console.note"), 1, 3);
        return grid;
    }

    private Node confirmations(PreferencesViewModel model) {
        VBox box = new VBox(6, new Label(messages.get("prefs.confirm.intro")));
        box.setPadding(new Insets(12));
        for (Map.Entry<String, BooleanProperty> kind : model.askBefore().entrySet()) {
            box.getChildren().add(check("prefsAsk-" + kind.getKey(), "prefs.confirm." + kind.getKey(), kind.getValue()));
        }
        return box;
    }

    private Node newVm(PreferencesViewModel model) {
        GridPane grid = grid();
        row(grid, 0, "prefs.newVm.pool", field("prefsPool", model.poolProperty()));
        grid.add(error("prefsPoolError", model.poolErrorProperty()), 1, 1);
        row(grid, 2, "prefs.newVm.network", field("prefsNetwork", model.networkProperty()));
        grid.add(error("prefsNetworkError", model.networkErrorProperty()), 1, 3);
        ChoiceBox<String> format = new ChoiceBox<>();
        format.getItems().setAll("qcow2", "raw"); // libvirt's format names, not words
        format.valueProperty().bindBidirectional(model.diskFormatProperty());
        format.setId("prefsDiskFormat");
        row(grid, 4, "prefs.newVm.format", format);
        grid.add(note("prefs.newVm.note"), 1, 5);
        return grid;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels are never cut short, in any language
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls);
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        return grid;
    }

    private void row(GridPane grid, int row, String key, Node control) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(control);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
    }

    /** An explanation under the controls, wrapped to the column. */
    private Label note(String key) {
        Label note = new Label(messages.get(key));
        note.setWrapText(true);
        note.setPrefWidth(380);
        note.setMinHeight(Region.USE_PREF_SIZE);
        return note;
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setMaxWidth(220);
        field.textProperty().bindBidirectional(value);
        field.setId(id);
        return field;
    }

    private CheckBox check(String id, String key, BooleanProperty value) {
        CheckBox box = new CheckBox(messages.get(key));
        box.selectedProperty().bindBidirectional(value);
        box.setId(id);
        return box;
    }

    /** Keeps its room while empty, so the dialog (which does not grow) never cuts what follows. */
    private static Label error(String id, ObservableStringValue message) {
        Label label = new Label();
        label.textProperty().bind(message);
        label.getStyleClass().add("field-error");
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.setWrapText(true);
        label.setPrefWidth(380);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setId(id);
        return label;
    }

    /** A choice of enum values labelled by {@code keyPrefix + NAME}. */
    private <E extends Enum<E>> ChoiceBox<E> choice(String id, ObjectProperty<E> value, List<E> values, String keyPrefix) {
        ChoiceBox<E> box = new ChoiceBox<>();
        box.getItems().setAll(values);
        box.setConverter(converter(v -> messages.get(keyPrefix + v.name())));
        box.valueProperty().bindBidirectional(value);
        box.setId(id);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}

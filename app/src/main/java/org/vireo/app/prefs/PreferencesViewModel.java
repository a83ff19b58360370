package org.vireo.app.prefs;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.connections.stats.StatGroup;
import org.vireo.connections.stats.StatsPoller;
import org.vireo.resources.Messages;
import org.vireo.vnc.fx.VncView;

/**
 * The Preferences dialog's fields and their checks, without a stage. Text fields are checked as typed; each
 * has its own message under it, empty while the value is fine.
 */
public final class PreferencesViewModel {
    /** The confirmations the dialog lists: destructive VM actions and snapshot changes. */
    public static final List<String> CONFIRMATION_KINDS = List.of("FORCE_OFF", "RESET", "revertSnapshot", "deleteSnapshot");

    private final Messages messages;
    private final Preferences initial;
    private final StringProperty interval = new SimpleStringProperty(this, "interval");
    private final StringProperty history = new SimpleStringProperty(this, "history");
    private final BooleanProperty collectDisk = new SimpleBooleanProperty(this, "collectDisk");
    private final BooleanProperty collectNetwork = new SimpleBooleanProperty(this, "collectNetwork");
    private final ObjectProperty<VncView.ScaleMode> scaling = new SimpleObjectProperty<>(this, "scaling");
    private final ObjectProperty<VncView.GrabRelease> releaseKeys = new SimpleObjectProperty<>(this, "releaseKeys");
    private final ObjectProperty<Preferences.KeyboardMode> keyboard = new SimpleObjectProperty<>(this, "keyboard");
    private final Map<String, BooleanProperty> askBefore = new LinkedHashMap<>();
    private final StringProperty pool = new SimpleStringProperty(this, "pool");
    private final StringProperty network = new SimpleStringProperty(this, "network");
    private final ObjectProperty<String> diskFormat = new SimpleObjectProperty<>(this, "diskFormat");
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Preferences.Language> language = new SimpleObjectProperty<>(this, "language");
    private final ReadOnlyStringWrapper intervalError = new ReadOnlyStringWrapper(this, "intervalError", "");
    private final ReadOnlyStringWrapper historyError = new ReadOnlyStringWrapper(this, "historyError", "");
    private final ReadOnlyStringWrapper poolError = new ReadOnlyStringWrapper(this, "poolError", "");
    private final ReadOnlyStringWrapper networkError = new ReadOnlyStringWrapper(this, "networkError", "");
    private final BooleanBinding valid;

    public PreferencesViewModel(Preferences current, Messages messages) {
        this.messages = messages;
        this.initial = current;
        interval.set(Integer.toString(current.stats().intervalSeconds()));
        history.set(Integer.toString(current.stats().historyMinutes()));
        collectDisk.set(current.stats().collect().contains(StatGroup.DISK));
        collectNetwork.set(current.stats().collect().contains(StatGroup.NETWORK));
        scaling.set(current.console().scaling());
        releaseKeys.set(current.console().releaseKeys());
        keyboard.set(current.console().keyboard());
        for (String kind : CONFIRMATION_KINDS) {
            askBefore.put(kind, new SimpleBooleanProperty(this, kind, !current.confirmSilenced().contains(kind)));
        }
        pool.set(current.newVm().pool());
        network.set(current.newVm().network());
        diskFormat.set(current.newVm().diskFormat());
        theme.set(current.theme());
        language.set(current.language());
        Observable[] checked = {interval, history, pool, network};
        for (Observable o : checked) {
            o.addListener(x -> validate());
        }
        validate();
        valid = Bindings.createBooleanBinding(() -> intervalError.get().isEmpty() && historyError.get().isEmpty()
                && poolError.get().isEmpty() && networkError.get().isEmpty(), intervalError, historyError, poolError, networkError);
    }

    private void validate() {
        intervalError.set(rangeError(interval.get(), (int) StatsPoller.MIN_INTERVAL.toSeconds(),
                (int) StatsPoller.MAX_INTERVAL.toSeconds(), "prefs.interval.invalid"));
        historyError.set(rangeError(history.get(), Preferences.MIN_HISTORY_MINUTES, Preferences.MAX_HISTORY_MINUTES,
                "prefs.history.invalid"));
        poolError.set(Preferences.NewVm.isUsableName(pool.get()) ? "" : messages.get("prefs.name.invalid", pool.get().strip()));
        networkError.set(Preferences.NewVm.isUsableName(network.get()) ? ""
                : messages.get("prefs.name.invalid", network.get().strip()));
    }

    /** Empty when {@code text} is a whole number from min to max, else the message of {@code key}. */
    private String rangeError(String text, int min, int max, String key) {
        return parse(text).filter(n -> n >= min && n <= max).isPresent() ? "" : messages.get(key, min, max);
    }

    private static Optional<Integer> parse(String text) {
        try {
            return Optional.of(Integer.parseInt(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a whole number: the field's message says what is expected
        }
    }

    /** The edited preferences, when every field is valid. Silenced kinds the dialog does not list are kept. */
    public Optional<Preferences> result() {
        if (!valid.get()) {
            return Optional.empty();
        }
        Set<StatGroup> collect = EnumSet.noneOf(StatGroup.class);
        if (collectDisk.get()) {
            collect.add(StatGroup.DISK);
        }
        if (collectNetwork.get()) {
            collect.add(StatGroup.NETWORK);
        }
        Set<String> silenced = new HashSet<>(initial.confirmSilenced());
        askBefore.forEach((kind, ask) -> {
            if (ask.get()) {
                silenced.remove(kind);
            } else {
                silenced.add(kind);
            }
        });
        return Optional.of(initial
                .withStats(new Preferences.Stats(parse(interval.get()).orElseThrow(), parse(history.get()).orElseThrow(),
                        collect))
                .withConsole(new Preferences.Console(scaling.get(), releaseKeys.get(), keyboard.get()))
                .withConfirmSilenced(silenced)
                .withNewVm(new Preferences.NewVm(pool.get(), network.get(), diskFormat.get()))
                .withTheme(theme.get())
                .withLanguage(language.get()));
    }

    /** Whether the chosen language differs from the one in use, which changes only at the next start. */
    public BooleanBinding languageNeedsRestart() {
        return Bindings.createBooleanBinding(() -> language.get() != initial.language(), language);
    }

    public StringProperty intervalProperty() { return interval; }
    public StringProperty historyProperty() { return history; }
    public BooleanProperty collectDiskProperty() { return collectDisk; }
    public BooleanProperty collectNetworkProperty() { return collectNetwork; }
    public ObjectProperty<VncView.ScaleMode> scalingProperty() { return scaling; }
    public ObjectProperty<VncView.GrabRelease> releaseKeysProperty() { return releaseKeys; }
    public ObjectProperty<Preferences.KeyboardMode> keyboardProperty() { return keyboard; }
    /** Per confirmation kind: true to keep asking. */
    public Map<String, BooleanProperty> askBefore() { return askBefore; }
    public StringProperty poolProperty() { return pool; }
    public StringProperty networkProperty() { return network; }
    public ObjectProperty<String> diskFormatProperty() { return diskFormat; }
    public ObjectProperty<Preferences.Theme> themeProperty() { return theme; }
    public ObjectProperty<Preferences.Language> languageProperty() { return language; }
    public ReadOnlyStringProperty intervalErrorProperty() { return intervalError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty historyErrorProperty() { return historyError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty poolErrorProperty() { return poolError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty networkErrorProperty() { return networkError.getReadOnlyProperty(); }
    public BooleanBinding validProperty() { return valid; }
}

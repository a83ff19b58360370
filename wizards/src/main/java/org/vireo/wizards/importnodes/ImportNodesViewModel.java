package org.vireo.wizards.importnodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.nodelist.Driver;
import org.vireo.connections.nodelist.FileMessage;
import org.vireo.connections.nodelist.ImportOptions;
import org.vireo.connections.nodelist.NodeEntry;
import org.vireo.connections.nodelist.NodeListFormat;
import org.vireo.connections.nodelist.NodeListParser;
import org.vireo.connections.nodelist.NodeStatus;
import org.vireo.connections.nodelist.ParseResult;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;

/**
 * The "Import node list" dialog's state: the file, its format (detected, or chosen by the user)
 * and the options; any change re-reads the rows, off the FX thread, and the preview, counts and
 * the "Add N connections" command follow. Nothing is saved here: the caller saves
 * {@link #entriesToAdd()} once the user confirms.
 */
public final class ImportNodesViewModel {
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final Messages messages;
    private final Supplier<? extends Collection<String>> existingUris;

    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<NodeListFormat> detectedFormat = new ReadOnlyObjectWrapper<>(this, "detectedFormat");
    private final ObjectProperty<NodeListFormat> format = new SimpleObjectProperty<>(this, "format");
    private final ObjectProperty<Driver> driver = new SimpleObjectProperty<>(this, "driver", Driver.QEMU);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty jump = new SimpleStringProperty(this, "jump", "");
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final BooleanProperty autoconnect = new SimpleBooleanProperty(this, "autoconnect");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");

    private final ObservableList<NodeEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<String> fileMessages = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper newCount = new ReadOnlyIntegerWrapper(this, "newCount");
    private final ReadOnlyIntegerWrapper presentCount = new ReadOnlyIntegerWrapper(this, "presentCount");
    private final ReadOnlyIntegerWrapper duplicateCount = new ReadOnlyIntegerWrapper(this, "duplicateCount");
    private final ReadOnlyIntegerWrapper invalidCount = new ReadOnlyIntegerWrapper(this, "invalidCount");
    private final ReadOnlyIntegerWrapper collapsedCount = new ReadOnlyIntegerWrapper(this, "collapsedCount");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyBooleanWrapper addCommandEnabled = new ReadOnlyBooleanWrapper(this, "addCommandEnabled");
    private final ReadOnlyStringWrapper addLabel = new ReadOnlyStringWrapper(this, "addLabel");

    private byte[] content;
    private ParseResult result;
    private boolean formatChosenByUser;
    private boolean applyingResult;
    private long generation;

    /**
     * @param background    runs file reading and parsing, never the FX thread
     * @param uiThread      hands results back to the FX thread ({@code Platform::runLater}; tests pass {@code Runnable::run})
     * @param existingUris  the saved connections' URIs, asked at every parse
     */
    public ImportNodesViewModel(Executor background, Consumer<Runnable> uiThread, Messages messages,
                                Supplier<? extends Collection<String>> existingUris) {
        this.background = background;
        this.uiThread = uiThread;
        this.messages = messages;
        this.existingUris = existingUris;
        addLabel.set(messages.get("importNodes.add", 0));
        format.addListener((obs, was, now) -> {
            if (!applyingResult) {
                formatChosenByUser = now != null;
                reparse();
            }
        });
        driver.addListener((obs, was, now) -> reparse());
        user.addListener((obs, was, now) -> reparse());
        jump.addListener((obs, was, now) -> reparse());
        group.addListener((obs, was, now) -> reparse());
        autoconnect.addListener((obs, was, now) -> reparse());
        readOnly.addListener((obs, was, now) -> reparse());
        loading.addListener((obs, was, now) -> updateCommand());
    }

    /** Reads {@code file} in the background; the group defaults to its name without extension. */
    public void loadFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        loading.set(true);
        loadError.set(null);
        fileName.set(name);
        background.execute(() -> {
            try {
                byte[] bytes = NodeListParser.readFile(file);
                uiThread.accept(() -> setContent(name, bytes));
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                uiThread.accept(() -> {
                    loading.set(false);
                    loadError.set(messages.get("importNodes.readFailed", name, reason));
                });
            }
        });
    }

    /** Takes a file's content already read (drag and drop of text, tests). Call on the FX thread. */
    public void setContent(String name, byte[] bytes) {
        fileName.set(name);
        content = bytes.clone();
        loading.set(false);
        loadError.set(null);
        formatChosenByUser = false;
        applyingResult = true;
        try {
            format.set(null);
            String defaultGroup = ImportOptions.groupFromFileName(name);
            group.set(defaultGroup == null ? "" : defaultGroup);
        } finally {
            applyingResult = false;
        }
        reparse();
    }

    private ImportOptions options() {
        return new ImportOptions(driver.get(), user.get(), jump.get(), group.get(), autoconnect.get(), readOnly.get());
    }

    private void reparse() {
        if (content == null || applyingResult) {
            return;
        }
        long mine = ++generation;
        byte[] bytes = content;
        NodeListFormat chosen = formatChosenByUser ? format.get() : null;
        ImportOptions options = options();
        List<String> existing = List.copyOf(existingUris.get());
        background.execute(() -> {
            ParseResult parsed = NodeListParser.parse(bytes, chosen, options, existing);
            uiThread.accept(() -> {
                if (mine == generation) { // a newer edit has started its own parse: drop this one
                    apply(parsed, chosen == null);
                }
            });
        });
    }

    private void apply(ParseResult parsed, boolean detected) {
        result = parsed;
        applyingResult = true;
        try {
            if (detected) {
                detectedFormat.set(parsed.format());
                format.set(parsed.format());
            }
        } finally {
            applyingResult = false;
        }
        rows.setAll(parsed.entries());
        fileMessages.setAll(parsed.problems().stream().map(FileMessage::toString).toList());
        fileMessages.addAll(parsed.notes().stream().map(FileMessage::toString).toList());
        newCount.set((int) parsed.count(NodeStatus.NEW));
        presentCount.set((int) parsed.count(NodeStatus.ALREADY_PRESENT));
        duplicateCount.set((int) parsed.count(NodeStatus.DUPLICATE_IN_FILE));
        invalidCount.set((int) parsed.count(NodeStatus.INVALID));
        collapsedCount.set(parsed.collapsedRepeats());
        String counts = messages.get("importNodes.counts", newCount.get(), presentCount.get(), duplicateCount.get(), invalidCount.get());
        countsText.set(parsed.collapsedRepeats() == 0 ? counts : counts + "; " + messages.get("importNodes.collapsed", parsed.collapsedRepeats()));
        updateCommand();
    }

    private void updateCommand() {
        int n = result == null || loading.get() ? 0 : newCount.get();
        addCommandEnabled.set(n > 0);
        addLabel.set(messages.get("importNodes.add", n));
    }

    /** The connections to save once the user confirms: the NEW rows, with the options applied. */
    public List<ConnectionEntry> entriesToAdd() {
        return result == null || loading.get() ? List.of() : result.entriesToAdd();
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the file could not be read, null when it was. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeListFormat> detectedFormatProperty() {
        return detectedFormat.getReadOnlyProperty();
    }

    /** The format rows are read as: the detected one until the user picks another. */
    public ObjectProperty<NodeListFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Driver> driverProperty() {
        return driver;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty jumpProperty() {
        return jump;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public BooleanProperty autoconnectProperty() {
        return autoconnect;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** One row per entry, in file order. */
    public ObservableList<NodeEntry> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Problems with the file first, then notes about what was skipped, each with its line. */
    public ObservableList<String> fileMessages() {
        return FXCollections.unmodifiableObservableList(fileMessages);
    }

    public ReadOnlyIntegerProperty newCountProperty() {
        return newCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty presentCountProperty() {
        return presentCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty duplicateCountProperty() {
        return duplicateCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty invalidCountProperty() {
        return invalidCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty collapsedCountProperty() {
        return collapsedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addCommandEnabledProperty() {
        return addCommandEnabled.getReadOnlyProperty();
    }

    /** "Add N connections", in the user's language. */
    public ReadOnlyStringProperty addLabelProperty() {
        return addLabel.getReadOnlyProperty();
    }

    /** A status as shown in the preview. */
    public String statusText(NodeEntry entry) {
        String status = messages.get("importNodes.status." + entry.status().name());
        return entry.reason() == null ? status : status + ": " + entry.reason();
    }

    /** A format as shown in the format list. */
    public String formatText(NodeListFormat f) {
        return f == null ? "" : messages.get("importNodes.format." + f.name());
    }
}

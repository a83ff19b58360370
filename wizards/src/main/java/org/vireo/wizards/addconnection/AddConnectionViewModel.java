package org.vireo.wizards.addconnection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.libvirt.InvalidUriException;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.ssh.SshHop;
import org.vireo.connections.ssh.SshTarget;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.resources.Messages;
import org.vireo.resources.Localized;

/**
 * State of the add-connection dialog. The fields (hypervisor, transport, user, host, port, path, key file)
 * and the URI text stay in step both ways: editing a field rewrites the URI as virsh writes it, and a URI
 * typed or pasted fills the fields (or switches to {@link Hypervisor#CUSTOM} when the fields cannot express
 * it, keeping the text as given). {@link #errorProperty()} says what is wrong; {@link #validProperty()}
 * enables OK.
 */
public final class AddConnectionViewModel {
    private final Messages messages;

    private final ObjectProperty<Hypervisor> hypervisor = new SimpleObjectProperty<>(Hypervisor.QEMU);
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.SSH);
    private final StringProperty user = new SimpleStringProperty("root");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty path = new SimpleStringProperty("/system");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty jumpHosts = new SimpleStringProperty("");
    private final StringProperty uri = new SimpleStringProperty("");
    private final ObservableList<String> pathChoices = FXCollections.observableArrayList(Hypervisor.QEMU.paths());

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final BooleanProperty autoconnect = new SimpleBooleanProperty(true);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    /** True while one side writes the other, so the echo does not write back. */
    private boolean syncing;

    public AddConnectionViewModel(Messages messages) {
        this.messages = messages;
        hypervisor.addListener((obs, old, now) -> hypervisorChanged(now));
        // Change listeners, not invalidation listeners: those stay silent until someone reads the value again.
        for (ObservableValue<?> field : List.of(transport, user, host, port, path, keyFile)) {
            field.addListener((obs, old, now) -> fieldsChanged());
        }
        uri.addListener((obs, old, now) -> uriEdited());
        jumpHosts.addListener((obs, old, now) -> validate());
        fieldsChanged();
    }

    public ObjectProperty<Hypervisor> hypervisorProperty() { return hypervisor; }
    public ObjectProperty<Transport> transportProperty() { return transport; }
    public StringProperty userProperty() { return user; }
    public StringProperty hostProperty() { return host; }
    /** Port as typed; blank for the default (22, or ~/.ssh/config). */
    public StringProperty portProperty() { return port; }
    public StringProperty pathProperty() { return path; }
    /** libvirt's {@code keyfile=} parameter; blank for none. */
    public StringProperty keyFileProperty() { return keyFile; }
    /** Jump hosts as ProxyJump takes them: {@code [user@]host[:port]}, comma-separated, first hop first. */
    public StringProperty jumpHostsProperty() { return jumpHosts; }
    /** The URI, as virsh writes it; editable. */
    public StringProperty uriProperty() { return uri; }
    /** Paths offered for the chosen hypervisor. */
    public ObservableList<String> pathChoices() { return pathChoices; }
    public StringProperty nameProperty() { return name; }
    public StringProperty groupProperty() { return group; }
    public BooleanProperty autoconnectProperty() { return autoconnect; }
    public BooleanProperty readOnlyProperty() { return readOnly; }
    /** What is wrong with the input, in the user's language; "" when it is fine. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** The connection to save; empty while the input is invalid. */
    public Optional<ConnectionEntry> toEntry() {
        if (!valid.get()) {
            return Optional.empty();
        }
        boolean ssh = isSsh();
        return Optional.of(new ConnectionEntry(UUID.randomUUID().toString(), uri.get().strip(), blankToNull(name.get()),
                blankToNull(group.get()), autoconnect.get(), readOnly.get(), ssh ? blankToNull(jumpHosts.get()) : null));
    }

    private void hypervisorChanged(Hypervisor now) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            pathChoices.setAll(now.paths());
            if (now != Hypervisor.CUSTOM && !now.accepts(path.get())) {
                path.set(now.paths().get(0));
            }
        } finally {
            syncing = false;
        }
        fieldsChanged();
    }

    private void fieldsChanged() {
        if (syncing) {
            return;
        }
        if (hypervisor.get() != Hypervisor.CUSTOM) {
            syncing = true;
            try {
                uri.set(fields().toUri());
            } finally {
                syncing = false;
            }
        }
        validate();
    }

    private void uriEdited() {
        if (syncing) {
            return;
        }
        String text = uri.get().strip();
        syncing = true;
        try {
            Optional<ConnectionUri> parsed = ConnectionUri.fromUri(text);
            if (parsed.isPresent()) {
                ConnectionUri f = parsed.get();
                hypervisor.set(f.hypervisor());
                pathChoices.setAll(f.hypervisor().paths());
                transport.set(f.transport());
                user.set(f.user());
                host.set(f.host());
                port.set(f.port() == 0 ? "" : Integer.toString(f.port()));
                path.set(f.path());
                keyFile.set(f.keyFile());
            } else if (LibvirtUri.tryParse(text).isPresent()) {
                hypervisor.set(Hypervisor.CUSTOM);
                pathChoices.clear();
            }
        } finally {
            syncing = false;
        }
        validate();
    }

    private ConnectionUri fields() {
        return new ConnectionUri(hypervisor.get(), transport.get(), user.get().strip(), host.get().strip(),
                portNumber(), path.get() == null ? "" : path.get().strip(), keyFile.get().strip());
    }

    /** The port for the URI; text that is not a port number is reported by {@link #problem()}. */
    private int portNumber() {
        String text = port.get().strip();
        return text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : 0;
    }

    private boolean isSsh() {
        return LibvirtUri.tryParse(uri.get().strip()).flatMap(LibvirtUri::transport).map("ssh"::equals).orElse(false);
    }

    private void validate() {
        String problem = problem();
        error.set(problem == null ? "" : problem);
        valid.set(problem == null);
    }

    /** The first thing wrong with the input, or null. */
    private String problem() {
        // Field checks only while the URI is the fields' URI: a typed URI that does not parse is explained below.
        String text = uri.get().strip();
        boolean fromFields = hypervisor.get() != Hypervisor.CUSTOM && fields().toUri().equals(text);
        if (fromFields && transport.get() == Transport.SSH) {
            if (host.get().isBlank()) {
                return messages.get("addConnection.error.noHost");
            }
            String portText = port.get().strip();
            if (!portText.isEmpty() && (portNumber() < 1 || portNumber() > 65535)) {
                return messages.get("addConnection.error.port", portText);
            }
        }
        if (text.isEmpty()) {
            return messages.get("addConnection.error.noUri");
        }
        LibvirtUri parsed;
        try {
            parsed = LibvirtUri.parse(text);
        } catch (InvalidUriException e) {
            return e.text().in(messages);
        }
        if (parsed.transport().map("ssh"::equals).orElse(false)) {
            try {
                SshTarget.fromLibvirtUri(text, null);
                SshHop.parseChain(jumpHosts.get());
            } catch (IllegalArgumentException e) {
                return Localized.describe(e, messages);
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.vireo.app.hosts;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.host.HostSummary;
import org.vireo.connections.host.HostSummaryReader;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;

/**
 * The selected host's pools and networks for the Storage and Networks tabs: read once per selection (and when the
 * host connects), not on every snapshot the tree receives. UI thread only.
 */
public final class HostPageModel {
    private final Function<String, Optional<HostConnection>> hosts;
    private final TaskExecutor ui;
    private final Messages messages;
    private final ObjectProperty<HostSummary> summary = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private String shownId;
    private boolean shownConnected;

    /** @param messages the language of {@link #problemProperty()} */
    public HostPageModel(Function<String, Optional<HostConnection>> hosts, TaskExecutor ui, Messages messages) {
        this.hosts = hosts;
        this.ui = ui;
        this.messages = messages;
    }

    /** Null while nothing was read for the selected host. */
    public ReadOnlyObjectProperty<HostSummary> summaryProperty() {
        return summary;
    }

    /** Why the last read failed in the user's language, "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Follows the selection; reads when another host is selected or the selected one (re)connects. */
    public void show(HostSnapshot host) {
        String id = host == null ? null : host.connectionId();
        boolean connected = host != null && host.state().isConnected();
        boolean changed = !java.util.Objects.equals(id, shownId);
        if (!changed && connected == shownConnected) {
            return;
        }
        shownId = id;
        shownConnected = connected;
        if (changed) {
            summary.set(null);
            problem.set("");
        }
        if (connected) {
            reload();
        }
    }

    /** Reads the selected host again (the tabs' Refresh button). */
    public void reload() {
        String id = shownId;
        Optional<HostConnection> host = id == null ? Optional.empty() : hosts.apply(id);
        if (host.isEmpty()) {
            return;
        }
        ui.whenDone(HostSummaryReader.read(host.get()), read -> {
            if (id.equals(shownId)) {
                summary.set(read);
                problem.set("");
            }
        }, error -> {
            if (id.equals(shownId)) {
                problem.set(Failures.message(error, messages));
            }
        });
    }
}

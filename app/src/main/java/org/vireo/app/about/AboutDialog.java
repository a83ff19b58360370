package org.vireo.app.about;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.vireo.app.task.Failures;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.libvirt.LibvirtClientVersion;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.resources.Messages;
import org.vireo.app.dialog.CloseShortcut;

/** Help → About: Vireo's, libvirt's (client and each connected host's), JavaFX's and Java's versions, to copy. */
public final class AboutDialog {
    private final Messages messages;
    private final Executor background;
    private final TaskExecutor ui;

    /** @param background where the libvirt client library is asked (loading it may take a moment) */
    public AboutDialog(Messages messages, Executor background, TaskExecutor ui) {
        this.messages = messages;
        this.background = background;
        this.ui = ui;
    }

    /** @param hosts the session's hosts; the table follows them while the dialog is open */
    public Stage show(Window owner, ObservableList<HostSnapshot> hosts) {
        Label vireo = value("aboutVireo");
        Label client = value("aboutLibvirtClient");
        Label fx = value("aboutJavafx");
        Label java = value("aboutJava");
        Label os = value("aboutOs");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        String[] keys = {"about.vireo", "about.libvirtClient", "about.javafx", "about.java", "about.os"};
        Label[] values = {vireo, client, fx, java, os};
        for (int i = 0; i < keys.length; i++) {
            grid.addRow(i, new Label(messages.get(keys[i])), values[i]);
        }
        TableView<Versions.Host> table = new TableView<>();
        table.setId("aboutHosts");
        table.setPlaceholder(new Label(messages.get("about.noHosts")));
        table.getColumns().add(column("about.column.host", Versions.Host::name, 160));
        table.getColumns().add(column("about.column.uri", Versions.Host::uri, 220));
        table.getColumns().add(column("about.column.libvirt", Versions.Host::libvirt, 90));
        table.getColumns().add(column("about.column.hypervisor", Versions.Host::hypervisor, 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(160);

        Versions[] shown = {Versions.local(null, hosts)};
        Runnable fill = () -> {
            Versions v = shown[0];
            vireo.setText(v.vireo());
            client.setText(v.libvirtClient() == null ? messages.get("about.reading") : v.libvirtClient());
            fx.setText(v.javafx());
            java.setText(v.java());
            os.setText(v.os());
            table.getItems().setAll(v.hosts());
        };
        fill.run();
        ui.whenDone(CompletableFuture.supplyAsync(LibvirtClientVersion::read, background), version -> {
            shown[0] = Versions.local(version, hosts);
            fill.run();
        }, error -> client.setText(messages.get("about.unknown", Failures.message(error, messages))));
        // Hosts that connect (or drop) while the dialog is open show at once.
        ListChangeListener<HostSnapshot> follow = c -> {
            shown[0] = Versions.local(shown[0].libvirtClient(), hosts);
            fill.run();
        };
        hosts.addListener(follow);

        Stage stage = new Stage();
        Button copy = new Button(messages.get("about.copy"));
        copy.setId("aboutCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(shown[0].text(messages));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Button close = new Button(messages.get("common.close"));
        close.setId("aboutClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Label title = new Label(messages.get("about.heading"));
        title.getStyleClass().add("details-title");
        Label description = new Label(messages.get("about.description"));
        description.setWrapText(true);
        VBox top = new VBox(8, title, description, grid, new Label(messages.get("about.hosts")));
        HBox buttons = new HBox(8, copy, close);
        buttons.setStyle("-fx-alignment: center-right");
        BorderPane pane = new BorderPane(table, top, null, buttons, null);
        pane.setId("aboutView");
        pane.setPadding(new Insets(14));
        BorderPane.setMargin(table, new Insets(6, 0, 10, 0));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> hosts.removeListener(follow));
        stage.setTitle(messages.get("about.title"));
        CloseShortcut.install(stage);
        Scene scene = new Scene(pane, 640, 440);
        scene.getStylesheets().add(org.vireo.resources.Theme.baseStylesheet());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }

    private TableColumn<Versions.Host, String> column(String key, java.util.function.Function<Versions.Host, String> value,
                                                      double width) {
        TableColumn<Versions.Host, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}

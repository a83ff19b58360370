package org.vireo.app.console;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.vireo.resources.Messages;
import org.vireo.vnc.fx.VncView;
import org.vireo.vnc.XvpAction;
import org.vireo.vnc.keys.KeyCombo;

/**
 * One console as the user sees it, in the tab or in its own window: toolbar (scaling, full screen, send key,
 * keyboard grab with its release hint, screenshot, detach, reconnect), the remote screen, and a status line.
 */
final class ConsolePane extends BorderPane {
    /** What the toolbar asks of whoever places the pane. */
    interface Actions {
        void fullscreen(ConsoleSession session);

        void detach(ConsoleSession session);

        void screenshot(ConsoleSession session);
    }

    private final Button detach;

    ConsolePane(ConsoleSession session, Messages messages, Actions actions) {
        getStyleClass().add("console-pane");
        VncView view = session.view();
        var notConnected = session.phaseProperty().isNotEqualTo(ConsoleSession.Phase.CONNECTED);

        ToggleGroup scaling = new ToggleGroup();
        ToggleButton fit = new ToggleButton(messages.get("console.fit"));
        fit.setId("consoleFit");
        ToggleButton oneToOne = new ToggleButton(messages.get("console.oneToOne"));
        oneToOne.setId("consoleOneToOne");
        fit.setToggleGroup(scaling);
        oneToOne.setToggleGroup(scaling);
        (view.getScaleMode() == VncView.ScaleMode.FIT ? fit : oneToOne).setSelected(true);
        scaling.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two stays chosen
            } else {
                view.setScaleMode(now == fit ? VncView.ScaleMode.FIT : VncView.ScaleMode.ONE_TO_ONE);
            }
        });

        Button fullscreen = new Button(messages.get("console.fullscreen"));
        fullscreen.setId("consoleFullscreen");
        fullscreen.setOnAction(e -> actions.fullscreen(session));

        MenuButton sendKey = new MenuButton(messages.get("console.sendKey"));
        sendKey.setId("consoleSendKey");
        for (KeyCombo combo : KeyCombo.menu()) {
            MenuItem item = new MenuItem(combo.label());
            item.setId("sendKey-" + combo.label().replace('+', '-'));
            item.setOnAction(e -> view.sendCombo(combo));
            sendKey.getItems().add(item);
        }
        addPowerActions(sendKey, view, messages);
        sendKey.disableProperty().bind(notConnected);

        ToggleButton grab = new ToggleButton(messages.get("console.grab"));
        grab.setId("consoleGrab");
        grab.selectedProperty().bindBidirectional(view.grabProperty());
        Label hint = new Label(messages.get("console.grabHint", view.getGrabRelease().keys()));
        hint.setId("consoleGrabHint");
        hint.visibleProperty().bind(view.grabProperty());
        hint.managedProperty().bind(view.grabProperty());
        grab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                view.requestFocus();
            }
        });

        Button screenshot = new Button(messages.get("console.screenshot"));
        screenshot.setId("consoleScreenshot");
        screenshot.disableProperty().bind(notConnected);
        screenshot.setOnAction(e -> actions.screenshot(session));

        detach = new Button(messages.get("console.detach"));
        detach.setId("consoleDetach");
        detach.setOnAction(e -> actions.detach(session));

        Button reconnect = new Button(messages.get("console.reconnect"));
        reconnect.setId("consoleReconnect");
        reconnect.setOnAction(e -> session.reconnect());

        // Wraps instead of hiding buttons in an overflow menu when the tab is narrow.
        FlowPane bar = new FlowPane(6, 4, fit, oneToOne, fullscreen, new Separator(Orientation.VERTICAL), sendKey, grab,
                new Separator(Orientation.VERTICAL), screenshot, detach, reconnect, hint);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("tool-bar");
        Label status = new Label();
        status.setId("consoleStatus");
        status.textProperty().bind(session.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setMaxWidth(Double.MAX_VALUE);
        setTop(new VBox(bar));
        setCenter(view);
        setBottom(status);
        view.setMinSize(0, 0);
    }

    /** Shutdown, reboot and reset (XVP) below the keys, shown only while the server offers them. */
    private static void addPowerActions(MenuButton menu, VncView view, Messages messages) {
        SeparatorMenuItem separator = new SeparatorMenuItem();
        separator.visibleProperty().bind(view.powerActionsAvailableProperty());
        menu.getItems().add(separator);
        for (XvpAction action : XvpAction.values()) {
            String name = action.name().toLowerCase(java.util.Locale.ROOT);
            MenuItem item = new MenuItem(messages.get("console.power." + name));
            item.setId("power-" + name);
            item.visibleProperty().bind(view.powerActionsAvailableProperty());
            item.setOnAction(e -> {
                Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                        messages.get("console.power.confirm", item.getText()), ButtonType.OK, ButtonType.CANCEL);
                confirm.initOwner(menu.getScene() == null ? null : menu.getScene().getWindow());
                if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                    view.power(action);
                }
            });
            menu.getItems().add(item);
        }
    }

    /** Hides Detach where the pane already has its own window. */
    void setDetachable(boolean value) {
        detach.setVisible(value);
        detach.setManaged(value);
    }
}

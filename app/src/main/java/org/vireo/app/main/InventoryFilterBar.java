package org.vireo.app.main;

import javafx.geometry.Insets;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The search box and "running only" toggle above the host tree. */
final class InventoryFilterBar extends HBox {
    InventoryFilterBar(MainViewModel viewModel) {
        super(6);
        setPadding(new Insets(4));
        TextField search = new TextField();
        search.setId("inventorySearch");
        search.setPromptText(viewModel.messages().get("inventory.search"));
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton running = new ToggleButton(viewModel.messages().get("inventory.runningOnly"));
        running.setId("runningOnly");
        Runnable apply = () -> viewModel.filterProperty().set(new InventoryFilter(search.getText(), running.isSelected()));
        search.textProperty().addListener((o, a, b) -> apply.run());
        running.selectedProperty().addListener((o, a, b) -> apply.run());
        getChildren().addAll(search, running);
    }
}

package org.vireo.app.main;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.resources.Messages;

/** Right-hand side: the selection's name over one tab per {@link DetailsSection} that applies. */
public final class DetailsPane extends BorderPane {
    private final MainViewModel viewModel;
    private final Messages messages;
    private final Label title = new Label();
    private final TabPane tabs = new TabPane();
    private final List<DetailsSection> sections;
    private final java.util.Map<DetailsSection, Tab> tabOf = new java.util.HashMap<>();
    /** The tab the user last chose; it comes back whenever it applies again (a moment without selection, another VM). */
    private Tab chosen;
    private boolean rendering;

    public DetailsPane(MainViewModel viewModel, List<DetailsSection> extraSections) {
        this.viewModel = viewModel;
        this.messages = viewModel.messages();
        this.sections = new java.util.ArrayList<>();
        sections.add(new OverviewSection(viewModel));
        sections.addAll(extraSections);
        setId("details");
        getStyleClass().add("details");
        title.getStyleClass().add("details-title");
        title.setId("detailsTitle");
        BorderPane.setMargin(title, new Insets(12, 12, 6, 12));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailsTabs");
        for (DetailsSection section : sections) {
            Tab tab = new Tab(messages.get(section.titleKey()), section.content());
            tab.setId("tab-" + section.titleKey());
            tabOf.put(section, tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!rendering && now != null) {
                chosen = now;
            }
        });
        setTop(title);
        setCenter(tabs);
        viewModel.selectedVmProperty().addListener((o, a, b) -> render());
        viewModel.selectedHostProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Brings the tab of the section with this title key to the front (when it applies to the selection). */
    public void select(String titleKey) {
        tabOf.entrySet().stream().filter(e -> e.getKey().titleKey().equals(titleKey)).map(java.util.Map.Entry::getValue)
                .filter(tabs.getTabs()::contains).findFirst().ifPresent(tabs.getSelectionModel()::select);
    }

    private void render() {
        VmInfo vm = viewModel.selectedVmProperty().get();
        HostSnapshot host = viewModel.selectedHostProperty().get();
        if (vm != null) {
            title.setText(vm.name());
        } else if (host != null) {
            title.setText(MainViewModel.sortName(host));
        } else {
            title.setText(messages.get("details.nothingSelected"));
        }
        List<Tab> visible = new java.util.ArrayList<>();
        for (DetailsSection section : sections) {
            if (section.appliesTo(host, vm)) {
                section.show(host, vm);
                visible.add(tabOf.get(section));
            }
        }
        rendering = true;
        try {
            if (!tabs.getTabs().equals(visible)) {
                tabs.getTabs().setAll(visible);
            }
            if (chosen != null && visible.contains(chosen)) {
                tabs.getSelectionModel().select(chosen);
            }
        } finally {
            rendering = false;
        }
    }
}

package org.vireo.app.hosts;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.vireo.app.main.DetailsSection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;

/**
 * A tab of a host's page (Storage, Networks) fed by the page's shared {@link HostPageModel}: it applies
 * when a host, not a VM, is selected, and showing it asks the model for that host's summary.
 */
abstract class HostPageSection implements DetailsSection {
    protected final HostPageModel model;
    protected final BorderPane root = new BorderPane();
    private final String titleKey;

    HostPageSection(HostPageModel model, String titleKey, String id) {
        this.model = model;
        this.titleKey = titleKey;
        root.setPadding(new Insets(8));
        root.setId(id);
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final Node content() {
        return root;
    }

    @Override
    public final boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return host != null && vm == null;
    }

    @Override
    public final void show(HostSnapshot host, VmInfo vm) {
        model.show(host);
    }
}

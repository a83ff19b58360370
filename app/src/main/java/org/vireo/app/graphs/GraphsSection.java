package org.vireo.app.graphs;

import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.vireo.app.main.DetailsSection;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.stats.HostMetric;
import org.vireo.connections.stats.StatsHistory;
import org.vireo.connections.stats.VmMetric;
import org.vireo.resources.Messages;

/**
 * The "Graphs" tab: for a VM its CPU %, memory, disk read/write and network rx/tx; for a host its CPU %
 * and memory used (scaled to its total). The whole history span is shown; redrawn once per tick.
 */
public final class GraphsSection implements DetailsSection, StatsViewer {
    private final StatsFeed feed;
    private final VBox box = new VBox(8);
    private final ScrollPane content = new ScrollPane(box);
    private final Label note = new Label();
    private final LineGraph vmCpu;
    private final LineGraph vmMemory;
    private final LineGraph vmDisk;
    private final LineGraph vmNet;
    private final LineGraph hostCpu;
    private final LineGraph hostMemory;
    private final double[] scratch;
    private String vmUuid;
    private String hostId;

    public GraphsSection(StatsFeed feed, Messages messages) {
        this.feed = feed;
        int capacity = feed.history().capacity();
        scratch = new double[capacity];
        String pattern = messages.get("graph.summary");
        StatFormats formats = new StatFormats(messages);
        vmCpu = graph("graphVmCpu", messages.get("graph.cpu"), pattern, formats.percent, capacity, 1);
        vmCpu.setFixedMax(100);
        vmMemory = graph("graphVmMemory", messages.get("graph.memory"), pattern, formats.kib, capacity, 1);
        vmDisk = graph("graphVmDisk", messages.get("graph.disk"), pattern, formats.bytesPerSecond, capacity, 2);
        vmNet = graph("graphVmNet", messages.get("graph.network"), pattern, formats.bytesPerSecond, capacity, 2);
        hostCpu = graph("graphHostCpu", messages.get("graph.cpu"), pattern, formats.percent, capacity, 1);
        hostCpu.setFixedMax(100);
        hostMemory = graph("graphHostMemory", messages.get("graph.memory"), pattern, formats.kib, capacity, 1);
        note.getStyleClass().add("graphs-note");
        note.setText(messages.get("graph.span", feed.interval().toSeconds(),
                capacity * feed.interval().toSeconds() / 60));
        box.setPadding(new Insets(8));
        content.setFitToWidth(true);
        content.setId("graphsSection");
        feed.addViewer(this);
    }

    private static LineGraph graph(String id, String title, String pattern, java.util.function.DoubleFunction<String> format,
                                   int capacity, int series) {
        LineGraph graph = new LineGraph(title, pattern, format, capacity, series);
        graph.setId(id);
        return graph;
    }

    @Override
    public String titleKey() {
        return "details.tab.graphs";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public boolean appliesTo(HostSnapshot host, VmInfo vm) {
        return host != null;
    }

    @Override
    public void show(HostSnapshot host, VmInfo vm) {
        String newVm = vm == null ? null : vm.uuid();
        String newHost = host == null ? null : host.connectionId();
        boolean changed = !java.util.Objects.equals(newVm, vmUuid) || !java.util.Objects.equals(newHost, hostId);
        vmUuid = newVm;
        hostId = newHost;
        if (changed) {
            if (vmUuid != null) {
                box.getChildren().setAll(vmCpu, vmMemory, vmDisk, vmNet, note);
            } else {
                box.getChildren().setAll(hostCpu, hostMemory, note);
            }
            refresh();
            feed.updateInterest();
        }
    }

    @Override
    public void refresh() {
        StatsHistory history = feed.history();
        if (vmUuid != null) {
            vmCpu.setData(0, scratch, history.copy(vmUuid, VmMetric.CPU_PERCENT, scratch));
            vmMemory.setData(0, scratch, history.copy(vmUuid, VmMetric.MEMORY_USED_KIB, scratch));
            vmDisk.setData(0, scratch, history.copy(vmUuid, VmMetric.DISK_READ_BPS, scratch));
            vmDisk.setData(1, scratch, history.copy(vmUuid, VmMetric.DISK_WRITE_BPS, scratch));
            vmNet.setData(0, scratch, history.copy(vmUuid, VmMetric.NET_RX_BPS, scratch));
            vmNet.setData(1, scratch, history.copy(vmUuid, VmMetric.NET_TX_BPS, scratch));
        } else if (hostId != null) {
            hostCpu.setData(0, scratch, history.copyHost(hostId, HostMetric.CPU_PERCENT, scratch));
            hostMemory.setData(0, scratch, history.copyHost(hostId, HostMetric.MEMORY_USED_KIB, scratch));
            double total = history.latestHost(hostId, HostMetric.MEMORY_TOTAL_KIB);
            hostMemory.setFixedMax(Double.isNaN(total) || total <= 0 ? Double.NaN : total);
        }
    }

    @Override
    public void addInterest(Set<String> uuids) {
        if (vmUuid != null) {
            uuids.add(vmUuid); // graphed even when its row is scrolled away
        }
    }
}

package org.vireo.app.main;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vireo.app.testsupport.RecordEquality;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.HostInfo;
import org.vireo.connections.model.HostSnapshot;
import org.vireo.connections.model.VmInfo;
import org.vireo.connections.model.VmState;
import org.vireo.resources.Text;

/** The host tree's records whose equals is written out compare exactly their components, as generated ones would. */
class WrittenOutEqualsTest {
    private final VmInfo vm = new VmInfo("uuid-1", "web", VmState.RUNNING, 2, 1024, 2048, 5_000, true, false);
    private final HostInfo info = new HostInfo("node1", "QEMU", "7.2.0", "9.0.0", "Haswell", 8, 1, 4, 2, 16_000_000);
    private final HostSnapshot host = new HostSnapshot("c1", "qemu+ssh://node1/system", "node1",
            ConnectionState.CONNECTED, Text.of("host.reason.lost"), info, List.of(vm));

    @Test
    void modelRecords() {
        RecordEquality.assertFollowsComponents(vm);
        RecordEquality.assertFollowsComponents(info);
        RecordEquality.assertFollowsComponents(host);
    }

    @Test
    void treeRowsAndTheNameCellsValue() {
        RecordEquality.assertFollowsComponents(new TreeRow.HostRow(host));
        RecordEquality.assertFollowsComponents(new TreeRow.VmRow("c1", vm));
        RecordEquality.assertFollowsComponents(new HostTreeView.NameAndState("web", "state-running"));
    }

    @Test
    void theTreesFilter() {
        RecordEquality.assertFollowsComponents(new InventoryFilter("web", true));
    }
}

package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.store.ConnectionEntry;

/** The preferences' pool, network and disk format as the wizard's first choices, on libvirt's test driver. */
class NewVmPreferredChoicesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final org.vireo.resources.Messages ENGLISH = new org.vireo.resources.Messages(java.util.Locale.ROOT);
    private final Fleet fleet = new Fleet();
    private final UiQueue ui = new UiQueue();

    @AfterEach
    void close() {
        fleet.close();
    }

    private NewVmWizardViewModel wizard(String pool, String network, String format) throws Exception {
        fleet.add(ConnectionEntry.of("test:///default")).connect().get(10, TimeUnit.SECONDS);
        NewVmWizardViewModel vm = new NewVmWizardViewModel(new FleetHosts(fleet, ENGLISH), OsCatalogue.bundled(), ui, c -> { }, ENGLISH);
        vm.preferChoices(pool, network, format);
        ui.runUntil(() -> vm.factsProperty().get() != null, WAIT, "the host's facts");
        return vm;
    }

    @Test
    void offeredPreferencesAreTheFirstChoices() throws Exception {
        NewVmWizardViewModel vm = wizard("default-pool", "", "raw");
        assertEquals("default-pool", vm.poolProperty().get());
        assertEquals(new NetworkChoice.VirtualNetwork("default"), vm.networkProperty().get());
        assertEquals("raw", vm.diskFormatProperty().get());
        vm.preferChoices("default-pool", "none-such", "qcow2");
        assertEquals("qcow2", vm.diskFormatProperty().get());
    }

    @Test
    void preferencesTheHostDoesNotOfferFallBackToItsDefaults() throws Exception {
        NewVmWizardViewModel vm = wizard("fast-ssd", "lan-bridge", "qcow2");
        assertEquals("default-pool", vm.poolProperty().get());
        assertEquals(new NetworkChoice.VirtualNetwork("default"), vm.networkProperty().get());
    }
}

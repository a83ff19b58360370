package org.vireo.wizards.newvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;

/** The job's sentences in both languages, as NewVmJob assembles them. */
class NewVmJobMessagesTest {
    private static String failure(Messages m) {
        String step = m.get("newVm.job.define", "web3");
        String removed = m.get("newVm.job.removed", m.get("newVm.job.removed.volume", "web3.qcow2"));
        return m.get("newVm.job.failed", step, "node-a", "domain 'web3' already exists", removed);
    }

    @Test
    void englishReadsAsBefore() {
        Messages en = new Messages(Locale.ROOT);
        assertEquals("Could not define the VM 'web3' on node-a: domain 'web3' already exists. Removed again: the volume"
                + " web3.qcow2.", failure(en));
        assertEquals("Create the volume default/web3.qcow2…", en.get("newVm.job.volume.progress", "default/web3.qcow2"));
        assertEquals("Cancelled before the step 'start the VM 'web3''.", en.get("newVm.job.cancelled",
                en.get("newVm.job.start", "web3"), en.get("newVm.job.removedNothing")));
    }

    @Test
    void frenchIsFrench() {
        String fr = failure(new Messages(Locale.FRENCH));
        assertTrue(fr.startsWith("Impossible de définir la VM « web3 » sur node-a : "), fr);
        assertTrue(fr.endsWith("Supprimé à nouveau : le volume web3.qcow2."), fr);
    }
}

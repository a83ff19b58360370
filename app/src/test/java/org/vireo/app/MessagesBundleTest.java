package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vireo.connections.model.ConnectionState;
import org.vireo.connections.model.VmState;
import org.vireo.app.actions.VmAction;
import org.vireo.resources.Messages;

/** English and French bundles carry the same keys, and every state and action has a label. */
class MessagesBundleTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        Set<String> en = keys("messages.properties");
        Set<String> fr = keys("messages_fr.properties");
        Set<String> missingInFrench = new TreeSet<>(en);
        missingInFrench.removeAll(fr);
        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        assertEquals(Set.of(), missingInFrench, "keys missing in messages_fr.properties");
        assertEquals(Set.of(), missingInEnglish, "keys missing in messages.properties");
    }

    @Test
    void everyStateAndActionHasALabel() {
        Set<String> en = keys("messages.properties");
        for (VmState s : VmState.values()) {
            assertTrue(en.contains("vmState." + s.name()), "no label for VM state " + s);
        }
        for (ConnectionState s : ConnectionState.values()) {
            assertTrue(en.contains("hostState." + s.name()), "no label for host state " + s);
        }
        for (VmAction a : VmAction.values()) {
            assertTrue(en.contains(a.messageKey()), "no label for action " + a);
        }
    }

    @Test
    void frenchIsReallyFrench() {
        assertEquals("Démarrer", new Messages(Locale.FRENCH).get("action.start"));
        assertEquals("Run", new Messages(Locale.ROOT).get("action.start"));
    }

    /** Reads one file on its own: a ResourceBundle would hide a missing key behind its parent's. */
    private static Set<String> keys(String file) {
        try (InputStream in = Messages.class.getResourceAsStream("i18n/" + file)) {
            assertNotNull(in, file + " not on the classpath");
            Properties properties = new Properties();
            properties.load(in);
            return new TreeSet<>(properties.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.vireo.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;

/**
 * Every bundle key the connection layer's failures name exists in English and in French, with the same values in
 * both, and a pattern without values never carries MessageFormat's doubled quotes (it is shown as written).
 */
class TextKeysTest {
    private static final Pattern KEY = Pattern.compile("\"((?:ssh|uri|libvirt|host|vm|migration)\\.[a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)*)\"");
    private static final Pattern VALUE = Pattern.compile("\\{(\\d+)");

    @Test
    void keysUsedByFailuresAreInBothBundlesWithTheSameValues() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        Set<String> used = usedKeys(Path.of("src/main/java/org/vireo/connections"));
        assertTrue(used.size() > 60, "found only " + used);
        for (String key : used) {
            assertNotNull(en.getProperty(key), "no English text for " + key);
            assertNotNull(fr.getProperty(key), "no French text for " + key);
            assertEquals(values(en.getProperty(key)), values(fr.getProperty(key)), "values of " + key);
            if (values(en.getProperty(key)).isEmpty()) {
                assertFalse(en.getProperty(key).contains("''"), key + " has no values: write a single quote");
            }
        }
    }

    private static Set<String> usedKeys(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("org.vireo.resources.Text")) {
                    continue;
                }
                Matcher m = KEY.matcher(source);
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> values(String pattern) {
        return VALUE.matcher(pattern).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** One file on its own: a ResourceBundle would hide a missing French key behind the English one. */
    private static Properties load(String file) {
        try (InputStream in = Messages.class.getResourceAsStream("i18n/" + file)) {
            assertNotNull(in, file);
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

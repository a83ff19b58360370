package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vireo.resources.Messages;

/**
 * Views take their words from the bundles: a scan of the app's and the wizards' main sources for string
 * literals that reach a JavaFX text (setText, new Label, column headers, dialog titles...), alone or glued into
 * a concatenation, and for bundle keys used in code but missing from the English bundle.
 *
 * <p>A source scan rather than a look at live windows: it covers every dialog, including those a test cannot
 * easily open, and runs without a display. Literals without a letter (symbols, "…", " · ", "%") pass: they
 * read the same in every language. The CLI ({@code app/cli}) is out of scope: its usage and output are a
 * terminal interface scripts parse, English like virsh's.
 */
class HardCodedStringsTest {
    /** Calls whose String arguments end up on screen. */
    private static final Pattern TEXT_CALL = Pattern.compile(
            "(?:Optional\\.of|\\.(?:set|setText|setTitle|setPromptText|setHeaderText|setContentText|setAccessibleText|appendText)"
                    + "|new\\s+(?:Label|Button|MenuItem|Menu|CheckMenuItem|RadioMenuItem|CheckBox|RadioButton"
                    + "|ToggleButton|Hyperlink|Tooltip|Text|Tab|TitledPane|TableColumn|TreeTableColumn"
                    + "|Alert|ButtonType)(?:<[^>]*>)?)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern BUNDLE_KEY = Pattern.compile("\\bget\\(\\s*\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+");
    /** printf conversions ("%.1f", "%d"): a format-only string has no words to translate. */
    private static final Pattern FORMAT = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");
    /** A letter, after escapes like \n or \u2026 are removed. */
    private static final Pattern WORD = Pattern.compile("\\p{L}");

    @Test
    void noViewPassesAHardCodedStringToTheScreen() throws IOException {
        List<String> found = new ArrayList<>();
        Set<String> keys = bundleKeys();
        for (Path source : viewSources()) {
            String code = withoutComments(Files.readString(source, StandardCharsets.UTF_8));
            for (int[] hit : hardCoded(code, keys)) {
                found.add(where(source, code, hit[0]) + "  " + code.substring(hit[1], hit[2]));
            }
        }
        assertEquals(List.of(), found, "hard-coded user-visible strings; put them in messages(.fr).properties");
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundle() throws IOException {
        Set<String> english = bundleKeys();
        Set<String> missing = new TreeSet<>();
        for (Path source : viewSources()) {
            Matcher key = BUNDLE_KEY.matcher(withoutComments(Files.readString(source, StandardCharsets.UTF_8)));
            while (key.find()) {
                if (!english.contains(key.group(1))) {
                    missing.add(source.getFileName() + ": " + key.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing, "keys used in code but missing from messages.properties");
    }

    @Test
    void theScanFindsWordsAndLeavesKeysSymbolsAndFormatsAlone() {
        String code = """
                x.setText("Name: " + name); new Label("…"); y.setTitle(
                  messages.get(ok ? "a.b" : "c.d")); p.set("%.1f"); json.set("field", node);
                status.set("Uploading " + file + "…"); new TableColumn<Row, String>("Host");
                """;
        List<String> literals = hardCoded(code, Set.of("a.b", "c.d")).stream()
                .map(hit -> code.substring(hit[1], hit[2])).toList();
        assertEquals(List.of("\"Name: \"", "\"Uploading \"", "\"Host\""), literals);
    }

    /** Each hard-coded literal reaching a text call: {call start, literal start, literal end}. */
    private static List<int[]> hardCoded(String code, Set<String> keys) {
        List<int[]> hits = new ArrayList<>();
        Matcher call = TEXT_CALL.matcher(code);
        while (call.find()) {
            String arguments = argumentsFrom(code, call.end());
            if (call.group().startsWith(".set(") && hasTopLevelComma(arguments)) {
                continue; // a property's set takes one value; set(name, value) is a JSON or map entry
            }
            Matcher literal = LITERAL.matcher(arguments);
            while (literal.find()) {
                String text = FORMAT.matcher(literal.group(1).replaceAll("\\\\u[0-9a-fA-F]{4}|\\\\.", ""))
                        .replaceAll("");
                // A key chosen by a condition inside a lookup (get(a ? "k.one" : "k.two")) is not text.
                boolean bundleKey = KEY.matcher(text).matches() && keys.contains(text);
                if (!bundleKey && WORD.matcher(text).find()) {
                    int at = code.indexOf(literal.group(), call.end());
                    hits.add(new int[] {call.start(), at, at + literal.group().length()});
                }
            }
        }
        return hits;
    }

    /** The text up to the parenthesis closing the call, so multi-line and nested arguments are included. */
    private static String argumentsFrom(String code, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return withoutBundleLookups(code.substring(start, i));
            }
        }
        return code.substring(start);
    }

    /** Keys given to the bundle are not on-screen text. */
    private static String withoutBundleLookups(String arguments) {
        return arguments.replaceAll("\\b(?:get|text|label|key)\\(\\s*\"[^\"]*\"", "(")
                // requireNonNull's name is for the developer reading the exception
                .replaceAll("requireNonNull\\(([^()]*),\\s*\"[^\"]*\"\\)", "requireNonNull($1)");
    }

    /** Comments blanked out, their line breaks kept so reported line numbers stay right. */
    private static String withoutComments(String code) {
        Matcher block = Pattern.compile("(?s)/\\*.*?\\*/").matcher(code);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            block.appendReplacement(out, block.group().replaceAll("[^\\n]", " "));
        }
        block.appendTail(out);
        return out.toString().replaceAll("(?m)^\\s*//.*$", "");
    }

    private static boolean hasTopLevelComma(String arguments) {
        String code = LITERAL.matcher(arguments).replaceAll("\"\""); // commas inside strings do not count
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '(' || c == '<' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static String where(Path source, String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return source.getFileName() + ":" + line;
    }

    private static List<Path> viewSources() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("app", "wizards")) {
            Path dir = root.resolve(module).resolve("src/main/java/org/vireo").resolve(module);
            assertTrue(Files.isDirectory(dir), "sources not found at " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.toString().contains("/cli/"))
                        .sorted()
                        .forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 20, "too few sources found: " + sources.size());
        return sources;
    }

    private static Set<String> bundleKeys() {
        try (InputStream in = Messages.class.getResourceAsStream("i18n/messages.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.stringPropertyNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The protocol core must stay usable without JavaFX: only org.vireo.vnc.fx may import it. */
class CoreHasNoJavaFxTest {
    @Test
    void noJavaFxImportOutsideTheFxPackage() throws IOException {
        Path root = Path.of("src/main/java/org/vireo/vnc");
        assertTrue(Files.isDirectory(root), "run from the console-vnc module directory");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("fx"))
                    .filter(CoreHasNoJavaFxTest::importsJavaFx)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import javafx."));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

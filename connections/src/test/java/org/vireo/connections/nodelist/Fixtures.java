package org.vireo.connections.nodelist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The node list fixtures under src/test/resources/org/vireo/connections/nodelist/. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("fixture not found: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

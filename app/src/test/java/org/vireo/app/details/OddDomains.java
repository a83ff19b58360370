package org.vireo.app.details;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Vireo's own 14-domain test-driver fixture (odd states and devices), as a test:/// URI. */
public final class OddDomains {
    public static final int COUNT = 14;

    private OddDomains() {
    }

    public static String uri() {
        try {
            Path file = Path.of(OddDomains.class.getResource("odd-domains.xml").toURI());
            return "test://" + file.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("fixture odd-domains.xml not on the test classpath", e);
        }
    }
}

package org.vireo.resources;

import java.net.URL;
import java.util.Objects;

/** Locations of the shared stylesheets, for scenes to add. */
public final class Theme {
    private Theme() {
    }

    public static String baseStylesheet() {
        URL url = Objects.requireNonNull(Theme.class.getResource("css/vireo.css"), "vireo.css missing");
        return url.toExternalForm();
    }
}

package org.vireo.resources;

import java.net.URL;
import java.util.Objects;

/** Locations of the shared stylesheets, for scenes to add. */
public final class Theme {
    private Theme() {
    }

    public static String baseStylesheet() {
        return stylesheet("vireo.css");
    }

    /** Added after the base stylesheet for the dark theme. */
    public static String darkStylesheet() {
        return stylesheet("vireo-dark.css");
    }

    private static String stylesheet(String name) {
        URL url = Objects.requireNonNull(Theme.class.getResource("css/" + name), name + " missing");
        return url.toExternalForm();
    }
}

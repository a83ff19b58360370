package org.vireo.app;

import java.nio.file.Path;
import java.util.Map;

/** Where Vireo keeps its files, per the XDG base directory spec. */
public record AppPaths(Path config, Path state, Path cache) {

    public static AppPaths fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AppPaths fromEnvironment(Map<String, String> env, Path home) {
        return new AppPaths(
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("vireo"),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("vireo"),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("vireo"));
    }

    /** The spec says relative values are invalid and must be ignored. */
    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}

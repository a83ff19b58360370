package org.vireo.app.main;

import java.util.Optional;
import org.vireo.resources.InvalidValueException;
import org.vireo.resources.Text;

/**
 * Group names as the host tree reads them: one string per connection, {@code parent/child} for a folder
 * nested one level inside another. Deeper names keep everything after the first slash as the child's name.
 */
public final class GroupPath {
    private GroupPath() {
    }

    /** The enclosing folder of {@code path}, empty for a top-level folder. */
    public static Optional<String> parent(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(path.substring(0, slash));
    }

    /** What the folder row shows: the part after the parent. */
    public static String leaf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** True when a connection in {@code group} belongs to folder {@code folder} or one of its subfolders. */
    public static boolean within(String group, String folder) {
        return group != null && (group.equals(folder) || group.startsWith(folder + "/"));
    }

    /**
     * A group name from a file or a dialog, made tree-ready without refusing it: spaces around slashes and
     * empty parts dropped ({@code " Bed / rack A "} → {@code "Bed/rack A"}); null for no group.
     */
    public static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String joined = java.util.Arrays.stream(text.split("/")).map(String::strip).filter(p -> !p.isEmpty())
                .collect(java.util.stream.Collectors.joining("/"));
        return joined.isEmpty() ? null : joined;
    }

    /**
     * A typed group name, trimmed around each slash: {@code " Lab / rack 1 "} → {@code "Lab/rack 1"}.
     *
     * @throws IllegalArgumentException for an empty name, an empty part or more than one level of nesting
     */
    public static String normalize(String text) {
        String[] parts = (text == null ? "" : text).split("/", -1);
        if (parts.length > 2) {
            throw new InvalidValueException(Text.of("group.invalid.nested", text));
        }
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidValueException(Text.of("group.invalid.empty", text == null ? "" : text));
            }
            name.append(name.length() == 0 ? "" : "/").append(trimmed);
        }
        return name.toString();
    }
}

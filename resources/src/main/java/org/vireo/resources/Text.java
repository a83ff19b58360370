package org.vireo.resources;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sentence for the user kept as a bundle key and its values, so the window can say it in the user's language
 * while the CLI, logs and exception messages say it in English. A value may itself be a {@code Text} (a reason
 * inside a sentence); it is rendered in the same language. A {@link #verbatim} text is someone else's words
 * (libvirt's, the SSH server's) and is shown as is.
 */
public record Text(String key, List<Object> args) {
    private static final Messages ENGLISH = new Messages(Locale.ROOT);

    public Text {
        args = List.copyOf(args);
        if (key == null && args.size() != 1) {
            throw new IllegalArgumentException("a verbatim text has exactly one value");
        }
    }

    /**
     * {@code key} with {@code args}: texts stay texts, anything else becomes its string (so numbers such as ports
     * are never grouped like "2,222").
     */
    public static Text of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        return new Text(key, Arrays.stream(args).map(a -> a instanceof Text ? a : String.valueOf(a)).toList());
    }

    /** Words that are not ours to translate. */
    public static Text verbatim(String words) {
        return new Text(null, List.of(String.valueOf(words)));
    }

    /** In {@code messages}' language. */
    public String in(Messages messages) {
        if (key == null) {
            return (String) args.get(0);
        }
        return messages.get(key, args.stream().map(a -> a instanceof Text t ? t.in(messages) : a).toArray());
    }

    /** In English: the CLI, logs and exception messages. */
    public String english() {
        return in(ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}

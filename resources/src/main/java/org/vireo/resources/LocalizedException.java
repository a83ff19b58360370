package org.vireo.resources;

/**
 * A checked failure whose message is a {@link Text}: English by {@link #getMessage()} (logs, the CLI), the user's
 * language by {@link #text()}.
 */
public abstract class LocalizedException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Text text;

    protected LocalizedException(Text text, Throwable cause) {
        this(text.english(), text, cause);
    }

    /** For words that are not ours (a parser's message), kept exactly as given. */
    protected LocalizedException(String english, Text text, Throwable cause) {
        super(english, cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}

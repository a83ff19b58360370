package org.vireo.resources;

/**
 * A value the user typed is refused: an {@link IllegalArgumentException} (English message for logs and the CLI)
 * that the window shows in the user's language.
 */
public class InvalidValueException extends IllegalArgumentException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Text text;

    public InvalidValueException(Text text) {
        this(text, null);
    }

    public InvalidValueException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}

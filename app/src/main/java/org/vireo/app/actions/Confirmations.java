package org.vireo.app.actions;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Confirmations of destructive actions with "don't ask again", remembered per kind of question for this session
 * (saved preferences come later).
 */
public final class Confirmations {
    /** The user's answer: go ahead or not, and whether to stop asking this kind of question. */
    public record Answer(boolean confirmed, boolean dontAskAgain) {
    }

    /** Shows the question; the app uses a dialog with a check box, tests a recording stub. */
    @FunctionalInterface
    public interface Prompt {
        Answer ask(String title, String message);
    }

    private final Prompt prompt;
    private final Set<String> silenced = new HashSet<>();

    public Confirmations(Prompt prompt) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * @param kind e.g. "forceOff", "delete", "revertSnapshot": "don't ask again" silences only that kind
     * @return true to go ahead
     */
    public boolean confirm(String kind, String title, String message) {
        if (silenced.contains(kind)) {
            return true;
        }
        Answer answer = prompt.ask(title, message);
        if (answer.confirmed() && answer.dontAskAgain()) {
            silenced.add(kind);
        }
        return answer.confirmed();
    }

    public boolean isSilenced(String kind) {
        return silenced.contains(kind);
    }
}

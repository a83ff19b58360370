package org.vireo.app.actions;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Confirmations of destructive actions with "don't ask again", remembered per kind of question: for this session,
 * or in the preferences when the window gives their {@link Memory}.
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

    /** Where "don't ask again" is kept. */
    public interface Memory {
        boolean isSilenced(String kind);

        void silence(String kind);

        /** Forgotten when the app closes. */
        static Memory forThisSession() {
            Set<String> silenced = new HashSet<>();
            return new Memory() {
                @Override
                public boolean isSilenced(String kind) {
                    return silenced.contains(kind);
                }

                @Override
                public void silence(String kind) {
                    silenced.add(kind);
                }
            };
        }
    }

    private final Prompt prompt;
    private final Memory memory;

    public Confirmations(Prompt prompt) {
        this(prompt, Memory.forThisSession());
    }

    public Confirmations(Prompt prompt, Memory memory) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * @param kind e.g. "forceOff", "delete", "revertSnapshot": "don't ask again" silences only that kind
     * @return true to go ahead
     */
    public boolean confirm(String kind, String title, String message) {
        if (memory.isSilenced(kind)) {
            return true;
        }
        Answer answer = prompt.ask(title, message);
        if (answer.confirmed() && answer.dontAskAgain()) {
            memory.silence(kind);
        }
        return answer.confirmed();
    }

    public boolean isSilenced(String kind) {
        return memory.isSilenced(kind);
    }
}

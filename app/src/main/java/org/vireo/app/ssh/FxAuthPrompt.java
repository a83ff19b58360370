package org.vireo.app.ssh;

import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.ssh.AuthPrompt;
import org.vireo.resources.Messages;

/**
 * Asks for passphrases, passwords and keyboard-interactive answers in dialogs, one at a time. Called on
 * connecting threads, which wait; Cancel (or application shutdown) returns null, which aborts that login.
 * Nothing typed is logged or kept here.
 */
public final class FxAuthPrompt implements AuthPrompt, AutoCloseable {
    private final FxPromptQueue queue;
    private final Messages messages;
    private final Supplier<Window> owner;

    public FxAuthPrompt(TaskExecutor ui, Messages messages, Supplier<Window> owner) {
        this.queue = new FxPromptQueue(ui);
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public char[] passphrase(String keyFile) {
        return single(messages.get("auth.passphrase.header", keyFile), messages.get("auth.passphrase.label"));
    }

    @Override
    public char[] password(String destination) {
        return single(messages.get("auth.password.header", destination), messages.get("auth.password.label"));
    }

    @Override
    public char[][] keyboardInteractive(String destination, String name, String instruction, List<Question> questions) {
        if (questions.isEmpty()) {
            // Servers may send an empty round (only an instruction); it needs no answer and no dialog.
            return new char[0][];
        }
        String header = name == null || name.isBlank() ? messages.get("auth.interactive.header", destination)
                : name.strip() + " (" + destination + ")";
        return queue.ask(() -> new AuthDialog(header, instruction, questions, messages, owner.get()), null);
    }

    private char[] single(String header, String label) {
        char[][] answers = queue.ask(() -> new AuthDialog(header, null, List.of(new Question(label, false)), messages,
                owner.get()), null);
        return answers == null ? null : answers[0];
    }

    /** Cancels every waiting and later question (application shutdown). */
    @Override
    public void close() {
        queue.close();
    }
}

package org.vireo.app.ssh;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.vireo.app.task.TaskExecutor;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.UnknownHostKey;
import org.vireo.resources.Messages;

/**
 * Asks the user about unknown host keys in a dialog, one at a time. Called on connecting threads, which
 * wait for the answer. Several connections meeting the same key at once (aliases of one host) share one
 * dialog: the first asker gets the user's decision, the others accept once if it was accepted, so the key
 * is saved only once. After {@link #close()} (application shutdown) every asker gets REJECT.
 */
public final class FxHostKeyPrompt implements HostKeyPrompt, AutoCloseable {
    private final FxPromptQueue queue;
    private final Messages messages;
    private final Supplier<Window> owner;
    private final Map<String, CompletableFuture<Decision>> pending = new ConcurrentHashMap<>();

    /** @param owner the window dialogs stay on top of; may supply null before the main window exists */
    public FxHostKeyPrompt(TaskExecutor ui, Messages messages, Supplier<Window> owner) {
        this.queue = new FxPromptQueue(ui);
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public Decision ask(UnknownHostKey key) {
        String id = key.knownHostsName() + " " + key.keyType() + " " + key.sha256Fingerprint();
        CompletableFuture<Decision> mine = new CompletableFuture<>();
        CompletableFuture<Decision> earlier = pending.putIfAbsent(id, mine);
        if (earlier != null) {
            Decision shared = await(earlier);
            return shared == Decision.ACCEPT_AND_SAVE ? Decision.ACCEPT_ONCE : shared;
        }
        Decision decision = Decision.REJECT;
        try {
            decision = queue.ask(() -> new HostKeyDialog(key, messages, owner.get()), Decision.REJECT);
            return decision;
        } finally {
            pending.remove(id, mine);
            mine.complete(decision);
        }
    }

    private static Decision await(CompletableFuture<Decision> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decision.REJECT;
        } catch (ExecutionException e) {
            return Decision.REJECT;
        }
    }

    /** Rejects every waiting and later question and closes the dialog on screen. */
    @Override
    public void close() {
        queue.close();
    }
}

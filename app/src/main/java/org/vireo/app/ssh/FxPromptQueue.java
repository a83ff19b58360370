package org.vireo.app.ssh;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import org.vireo.app.task.TaskExecutor;

/**
 * Shows dialogs asked for by connecting threads one at a time, in order: sixty hosts asking at once get
 * sixty dialogs one after the other, not a stack. The asking thread waits for its answer; the FX thread
 * never waits (dialogs are shown with {@code show()}, answers travel back through futures). After
 * {@link #close()} every waiting and later question gets its "cancelled" answer.
 */
final class FxPromptQueue implements AutoCloseable {
    private final TaskExecutor ui;
    /** Questions not answered yet, any thread; what {@link #close()} cancels. */
    private final Set<Question<?>> open = ConcurrentHashMap.newKeySet();
    /** FX thread only. */
    private final Deque<Question<?>> waiting = new ArrayDeque<>();
    /** FX thread only: the question whose dialog is on screen. */
    private Question<?> showing;
    private volatile boolean closed;

    FxPromptQueue(TaskExecutor ui) {
        this.ui = ui;
    }

    /**
     * Shows the dialog made by {@code dialog} (on the FX thread, when the ones before it are answered) and
     * returns its result; {@code cancelled} when the dialog is closed without one, the queue is closed, or
     * this thread is interrupted.
     *
     * @throws IllegalStateException on the FX thread, which must never wait for a user
     */
    <T> T ask(Supplier<Dialog<T>> dialog, T cancelled) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a prompt must be asked from a connecting thread, not the FX thread");
        }
        Question<T> question = new Question<>(dialog, cancelled);
        open.add(question);
        question.answer.whenComplete((value, error) -> {
            open.remove(question);
            ui.runOnUi(() -> dismiss(question));
        });
        if (closed) {
            question.cancel();
        } else {
            ui.runOnUi(() -> enqueue(question));
        }
        try {
            return question.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            question.cancel();
            return cancelled;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the prompt dialog failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Cancels every question, now and later, and closes the dialog on screen. */
    @Override
    public void close() {
        closed = true;
        for (Question<?> question : Set.copyOf(open)) {
            question.cancel();
        }
    }

    private void enqueue(Question<?> question) {
        waiting.add(question);
        showNext();
    }

    private void showNext() {
        while (showing == null && !waiting.isEmpty()) {
            Question<?> next = waiting.poll();
            if (!next.answer.isDone()) {
                showing = next;
                try {
                    next.show(this::shown);
                } catch (RuntimeException e) {
                    // A dialog that cannot be built must not block the queue; the asker gets the error.
                    showing = null;
                    next.answer.completeExceptionally(e);
                }
            }
        }
    }

    /** Called when the dialog of {@code question} has closed. */
    private void shown(Question<?> question) {
        if (showing == question) {
            showing = null;
        }
        showNext();
    }

    private void dismiss(Question<?> question) {
        waiting.remove(question);
        if (question.dialog != null && question.dialog.isShowing()) {
            question.dialog.close();
        }
    }

    private static final class Question<T> {
        final Supplier<Dialog<T>> factory;
        final T cancelled;
        final CompletableFuture<T> answer = new CompletableFuture<>();
        /** FX thread only. */
        Dialog<T> dialog;

        Question(Supplier<Dialog<T>> factory, T cancelled) {
            this.factory = factory;
            this.cancelled = cancelled;
        }

        void show(java.util.function.Consumer<Question<?>> onClosed) {
            dialog = factory.get();
            dialog.setOnHidden(e -> {
                T result = dialog.getResult();
                answer.complete(result == null ? cancelled : result);
                onClosed.accept(this);
            });
            dialog.show();
        }

        void cancel() {
            answer.complete(cancelled);
        }
    }
}

package org.vireo.app.task;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Runs background results back on the UI thread. The app uses {@link FxTaskExecutor}; tests use
 * {@link DirectTaskExecutor} so ViewModels can be tested without a stage.
 */
public interface TaskExecutor {

    /** Runs {@code action} on the UI thread (later, never blocking the caller). */
    void runOnUi(Runnable action);

    /**
     * Hands the outcome of {@code work} to the UI thread: {@code onSuccess} or {@code onFailure}
     * is called there, exactly once.
     */
    default <T> void whenDone(CompletionStage<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        work.whenComplete((value, error) -> runOnUi(() -> {
            if (error != null) {
                onFailure.accept(Failures.unwrap(error));
            } else {
                onSuccess.accept(value);
            }
        }));
    }
}

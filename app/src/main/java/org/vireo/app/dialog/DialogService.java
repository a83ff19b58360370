package org.vireo.app.dialog;

import java.util.Optional;

/**
 * The one way the app talks to the user in dialogs: a short message in the user's language,
 * technical details behind a button, each error logged once. ViewModels depend on this interface;
 * tests pass a recording implementation.
 */
public interface DialogService {

    /** An error the user must see. {@code details} may be null. */
    void showError(String title, String message, Throwable details);

    void showInfo(String title, String message);

    /** Asks yes/no; true when the user confirmed. Must be called on the UI thread. */
    boolean confirm(String title, String message);

    /** Asks for one line of text; empty when cancelled. Must be called on the UI thread. */
    Optional<String> askText(String title, String prompt, String initialValue);
}

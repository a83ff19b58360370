package org.vireo.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.actions.Confirmations;
import org.vireo.connections.stats.StatGroup;
import org.vireo.resources.Messages;

class PreferencesViewModelTest {
    private final Messages english = new Messages(Locale.ROOT);

    @Test
    void eachInvalidFieldSaysWhyAndNothingIsReturned() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.defaults(), english);
        assertTrue(model.validProperty().get());
        model.intervalProperty().set("fast");
        assertEquals("Enter a whole number of seconds from 1 to 60.", model.intervalErrorProperty().get());
        model.historyProperty().set("61");
        assertEquals("Enter a whole number of minutes from 1 to 60.", model.historyErrorProperty().get());
        model.poolProperty().set("my pool");
        assertEquals("'my pool' cannot be a pool or network name: no spaces or '/'.", model.poolErrorProperty().get());
        assertFalse(model.validProperty().get());
        assertEquals(Optional.empty(), model.result());
        model.intervalProperty().set(" 5 ");
        model.historyProperty().set("60");
        model.poolProperty().set("ssd");
        assertEquals("", model.intervalErrorProperty().get());
        assertTrue(model.validProperty().get());
        assertEquals(5, model.result().orElseThrow().stats().intervalSeconds());
    }

    @Test
    void frenchMessagesInFrench() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.defaults(), new Messages(Locale.FRENCH));
        model.intervalProperty().set("0");
        assertEquals("Saisissez un nombre entier de secondes entre 1 et 60.", model.intervalErrorProperty().get());
    }

    @Test
    void resultCarriesEveryEditAndKeepsUnlistedSilencedKinds() {
        Preferences start = Preferences.defaults().withConfirmSilenced(Set.of("FORCE_OFF", "someFutureKind"));
        PreferencesViewModel model = new PreferencesViewModel(start, english);
        assertFalse(model.askBefore().get("FORCE_OFF").get(), "silenced shows as not asking");
        model.askBefore().get("FORCE_OFF").set(true);
        model.askBefore().get("RESET").set(false);
        model.collectDiskProperty().set(false);
        model.themeProperty().set(Preferences.Theme.DARK);
        model.diskFormatProperty().set("raw");
        model.networkProperty().set("br0");
        assertFalse(model.languageNeedsRestart().get());
        model.languageProperty().set(Preferences.Language.FRENCH);
        assertTrue(model.languageNeedsRestart().get(), "the dialog says the language waits for a restart");

        Preferences edited = model.result().orElseThrow();
        assertEquals(Set.of("RESET", "someFutureKind"), edited.confirmSilenced());
        assertEquals(Set.of(StatGroup.NETWORK), edited.stats().collect());
        assertEquals(Preferences.Theme.DARK, edited.theme());
        assertEquals(new Preferences.NewVm("", "br0", "raw"), edited.newVm());
        assertEquals(Preferences.Language.FRENCH, edited.language());
    }

    @Test
    void dontAskAgainIsSavedInThePreferences(@TempDir Path dir) throws Exception {
        PreferencesStore store = new PreferencesStore(dir);
        LivePreferences live = LivePreferences.load(store, Runnable::run);
        int[] asked = {0};
        Confirmations confirmations = new Confirmations((title, message) -> {
            asked[0]++;
            return new Confirmations.Answer(true, true);
        }, live.confirmationMemory());
        assertTrue(confirmations.confirm("FORCE_OFF", "t", "m"));
        assertTrue(confirmations.confirm("FORCE_OFF", "t", "m"));
        assertEquals(1, asked[0], "asked once, then silenced");
        assertEquals(Set.of("FORCE_OFF"), store.load().preferences().confirmSilenced(), "kept for the next start");
        live.update(live.get().withConfirmSilenced(Set.of())).get(5, TimeUnit.SECONDS);
        assertTrue(confirmations.confirm("FORCE_OFF", "t", "m"));
        assertEquals(2, asked[0], "the dialog's undo makes it ask again");
    }
}

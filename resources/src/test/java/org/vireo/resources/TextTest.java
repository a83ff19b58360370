package org.vireo.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TextTest {
    private final Messages french = new Messages(Locale.FRENCH);

    @Test
    void nestedTextsAreSaidInTheSameLanguageAndNumbersAreNotGrouped() {
        Text text = Text.of("libvirt.failed", Text.of("host.lost", "qemu+ssh://h:2222/system"),
                Text.of("ssh.lost.keepalive", 12345));
        assertEquals("Connection to qemu+ssh://h:2222/system lost: no answer to keepalive for 12345 s", text.english());
        assertEquals("Connexion \u00e0 qemu+ssh://h:2222/system perdue\u00a0: pas de r\u00e9ponse au keepalive depuis 12345 s",
                text.in(french));
        assertEquals(text.english(), text.toString());
    }

    @Test
    void verbatimWordsStayAsTheyCame() {
        Text libvirts = Text.verbatim("Cannot recv data: Connection reset by peer '{0}'");
        assertEquals("Cannot recv data: Connection reset by peer '{0}'", libvirts.in(french));
        assertEquals("Impossible de se connecter \u00e0 x\u00a0: it's {1}", Text.of("ssh.cannotConnect", "x",
                Text.verbatim("it's {1}")).in(french));
        assertThrows(IllegalArgumentException.class, () -> new Text(null, java.util.List.of()));
    }

    @Test
    void describeFindsTheTextBehindAFuturesWrapper() {
        class Refused extends Exception implements Localized {
            Refused() {
                super("english");
            }

            @Override
            public Text text() {
                return Text.of("ssh.loginCancelled", "root@h:22");
            }
        }
        assertEquals("Connexion \u00e0 root@h:22 annul\u00e9e",
                Localized.describe(new CompletionException(new Refused()), french));
        assertEquals("plain", Localized.describe(new IllegalStateException("plain"), french));
        assertEquals("IllegalStateException", Localized.describe(new IllegalStateException(), french));
    }
}

package org.vireo.vnc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.vnc.fx.FxPoll;
import org.vireo.vnc.fx.FxTestToolkit;
import org.vireo.vnc.fx.VncView;

/**
 * The VncView shares the clipboard with a real Xvnc (needs DISPLAY, e.g. Xvfb): text copied on the server
 * lands in this display's clipboard, and this display's clipboard reaches the server, UTF-8 both ways.
 */
@Tag("ui")
class VncViewClipboardUiTest {
    @TempDir
    static Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startFx() throws Exception {
        FxTestToolkit.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void clipboardTravelsBothWays() throws Exception {
        Xvnc server = Xvnc.start(dir, "view-clipboard", 320, 240, "-SecurityTypes", "None");
        opened.add(server);
        RecordingListener listener = new RecordingListener();
        VncClient client = Sessions.connect(server.port, VncOptions.defaults(), listener, opened);
        listener.awaitEvent(client::extendedClipboard, 20, "extended clipboard");
        VncView view = FxPoll.onFx(() -> {
            VncView v = new VncView();
            Stage stage = new Stage();
            stage.setScene(new Scene(v, 320, 240));
            stage.show();
            v.attach(client);
            opened.add(() -> Platform.runLater(stage::close));
            return v;
        });

        String remote = "copied on the server: Grüße 🙂";
        Process owner = server.ownClipboard(remote);
        opened.add(() -> ExternalProcess.stop(owner));
        // The local clipboard has no change event: poll it (bounded) on the FX thread; the failure shows what it held.
        FxPoll.until("the server's copy in the local clipboard", () -> {
            assertEquals(remote, Clipboard.getSystemClipboard().getString(), "the local clipboard");
            return Optional.of(true);
        });

        String mine = "copied here: ünïcode → 服务器";
        FxPoll.onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(mine);
            Clipboard.getSystemClipboard().setContent(content);
            view.sendLocalClipboard();
            return null;
        });
        server.awaitClipboard(mine);
    }
}

package org.vireo.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vireo.app.testsupport.UiWait;
import org.vireo.resources.Theme;

/**
 * A field's hint (the tree's "Search name, state, host, group") is as readable in the dark theme as in the light
 * one: modena darkens the field's background for it, which on a dark field left the hint almost black on black.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PromptTextContrastUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 320, 80));
        stage.show();
    }

    @Test
    void theDarkThemesHintsStandOutAsTheLightOnesDo() {
        double light = hintContrast(List.of(Theme.baseStylesheet()));
        double dark = hintContrast(List.of(Theme.baseStylesheet(), Theme.darkStylesheet()));
        assertTrue(dark >= light, "hint contrast: dark " + dark + ", light " + light);
    }

    /** The contrast ratio (WCAG) of an empty field's hint against the field, under {@code stylesheets}. */
    private double hintContrast(List<String> stylesheets) {
        return UiWait.onFx(() -> {
            TextField field = new TextField();
            field.setPromptText("Search name, state, host, group");
            field.setFocusTraversable(false); // a focused field hides its hint
            stage.getScene().setRoot(new StackPane(field));
            stage.getScene().getStylesheets().setAll(stylesheets);
            field.applyCss();
            field.layout();
            Text hint = field.lookupAll(".text").stream()
                    .filter(node -> node instanceof Text text && field.getPromptText().equals(text.getText()))
                    .map(Text.class::cast).findFirst().orElseThrow(() -> new AssertionError("no hint shown"));
            List<javafx.scene.layout.BackgroundFill> fills = field.getBackground().getFills();
            return contrast(color(hint.getFill()), color(fills.get(fills.size() - 1).getFill()));
        });
    }

    private static Color color(Paint paint) {
        if (paint instanceof LinearGradient gradient) {
            return gradient.getStops().get(gradient.getStops().size() - 1).getColor(); // the field's inner colour
        }
        return (Color) paint;
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}

package org.vireo.resources;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-visible strings, from the {@code i18n/messages} bundles (English and French). */
public final class Messages {
    public static final String BUNDLE = "org.vireo.resources.i18n.messages";
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static Messages forDefaultLocale() {
        return new Messages(Locale.getDefault());
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The string for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the bundle test catches; show the key rather than crash the UI.
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}

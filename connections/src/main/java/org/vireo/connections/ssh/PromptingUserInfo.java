package org.vireo.connections.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vireo.resources.Text;

/**
 * JSch's callbacks for one login attempt: answers from the session cache first (once), then the user.
 * What the user typed becomes cached only once the login succeeded ({@link #commit()}).
 * JSch takes passwords and passphrases as String: unavoidable, they live only as long as JSch needs them.
 */
final class PromptingUserInfo implements UserInfo, UIKeyboardInteractive {
    private static final String PASSPHRASE_PREFIX = "Passphrase for ";
    /** As OpenSSH's NumberOfPasswordPrompts: a wrong secret is asked again twice, then the login fails. */
    static final int MAX_PROMPTS = 3;

    private final AuthPrompt prompt;
    private final Credentials cache;
    private final String destination;
    private final Map<String, char[]> typed = new HashMap<>();
    private final List<String> triedFromCache = new ArrayList<>();
    private final Map<String, Integer> asks = new HashMap<>();
    private char[] current;
    private boolean cancelled;
    private Text exhausted;

    PromptingUserInfo(AuthPrompt prompt, Credentials cache, String destination) {
        this.prompt = prompt;
        this.cache = cache;
        this.destination = destination;
    }

    /** Whether the user cancelled a prompt (so the failure is not "wrong credentials"). */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * What the user typed {@link #MAX_PROMPTS} times without success ("the password", "the passphrase for KEY"),
     * or null.
     */
    Text exhausted() {
        return exhausted;
    }

    @Override
    public boolean promptPassphrase(String message) {
        String keyFile = message.startsWith(PASSPHRASE_PREFIX) ? message.substring(PASSPHRASE_PREFIX.length()) : message;
        return answer(Credentials.passphraseKey(keyFile), () -> prompt.passphrase(keyFile));
    }

    @Override
    public boolean promptPassword(String message) {
        return answer(Credentials.passwordKey(destination), () -> prompt.password(destination));
    }

    @Override
    public String getPassphrase() {
        return current == null ? null : new String(current);
    }

    @Override
    public String getPassword() {
        return current == null ? null : new String(current);
    }

    /** Never used: host keys go through {@link VerifyingHostKeyRepository} with StrictHostKeyChecking=yes. */
    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        // server banners: not shown
    }

    @Override
    public String[] promptKeyboardInteractive(String dest, String name, String instruction, String[] prompts,
                                              boolean[] echo) {
        // A lone hidden "Password:" question is the common PAM password login: share the password cache.
        if (prompts.length == 1 && !echo[0] && prompts[0].toLowerCase().contains("password")) {
            return promptPassword(prompts[0]) ? new String[] {getPassword()} : null;
        }
        List<AuthPrompt.Question> questions = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            questions.add(new AuthPrompt.Question(prompts[i], echo[i]));
        }
        char[][] answers = prompt.keyboardInteractive(destination, name, instruction, questions);
        if (answers == null) {
            cancelled = true;
            return null;
        }
        String[] result = new String[answers.length];
        for (int i = 0; i < answers.length; i++) {
            result[i] = new String(answers[i]);
            Arrays.fill(answers[i], '\0');
        }
        return result;
    }

    private boolean answer(String key, java.util.function.Supplier<char[]> ask) {
        clearCurrent();
        if (!triedFromCache.contains(key)) {
            triedFromCache.add(key);
            char[] cached = cache.get(key);
            if (cached != null) {
                current = cached;
                return true;
            }
        }
        if (asks.merge(key, 1, Integer::sum) > MAX_PROMPTS) {
            exhausted = Credentials.describe(key);
            return false;
        }
        char[] fresh = ask.get();
        if (fresh == null) {
            cancelled = true;
            return false;
        }
        char[] old = typed.put(key, fresh.clone());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
        current = fresh;
        return true;
    }

    /** Login succeeded: keep what was typed for this application session. */
    void commit() {
        typed.forEach(cache::put);
        clear();
    }

    /** Login failed: a cached answer that was tried may be wrong; forget it so the user is asked next time. */
    void rollback() {
        triedFromCache.forEach(cache::forget);
        clear();
    }

    private void clear() {
        typed.values().forEach(s -> Arrays.fill(s, '\0'));
        typed.clear();
        clearCurrent();
    }

    private void clearCurrent() {
        if (current != null) {
            Arrays.fill(current, '\0');
            current = null;
        }
    }
}

package org.vireo.app.ssh;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vireo.connections.ssh.HostKeyPrompt;
import org.vireo.connections.ssh.UnknownHostKey;

/**
 * Gathers the unknown host keys met while an import batch connects, so the user reviews them in one list
 * instead of one dialog per host; outside a batch it asks the single-host prompt.
 *
 * <p>During a batch an unknown key is recorded and refused at once (the host fails with
 * {@code HostKeyRejectedException}): a connecting thread that waited for the review would hold one of the
 * fleet's few connect slots, so sixty hosts could never all be in one list. After the review the accepted
 * keys are {@linkplain #approve approved} and their hosts connect again; their ask is then answered from the
 * approval without a dialog. No thread ever waits here, so shutdown has nothing to release but the delegate.
 */
public final class BatchHostKeyPrompt implements HostKeyPrompt, AutoCloseable {
    private final HostKeyPrompt single;
    private final AtomicInteger openBatches = new AtomicInteger();
    /** Keys the user accepted in a review, for this session. */
    private final Map<String, Decision> approved = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public BatchHostKeyPrompt(HostKeyPrompt single) {
        this.single = single;
    }

    /** Identity of one key of one host: name as in known_hosts, type and fingerprint. */
    public static String id(UnknownHostKey key) {
        return key.knownHostsName() + " " + key.keyType() + " " + key.sha256Fingerprint();
    }

    @Override
    public Decision ask(UnknownHostKey key) {
        if (closed) {
            return Decision.REJECT;
        }
        String id = id(key);
        // The first connection after an "accept and save" writes the key; the others only need to pass.
        Decision[] answer = new Decision[1];
        approved.computeIfPresent(id, (k, decision) -> {
            answer[0] = decision;
            return decision == Decision.ACCEPT_AND_SAVE ? Decision.ACCEPT_ONCE : decision;
        });
        if (answer[0] != null) {
            return answer[0];
        }
        if (openBatches.get() > 0) {
            return Decision.REJECT;
        }
        return single.ask(key);
    }

    /** From now until {@link #endBatch()}, unknown keys are gathered for one review. Batches may overlap. */
    public void beginBatch() {
        openBatches.incrementAndGet();
    }

    /**
     * Ends one batch. The batch knows its gathered keys from its hosts' failures: each
     * {@code HostKeyRejectedException} carries the key it refused.
     */
    public void endBatch() {
        openBatches.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** True while a batch gathers keys. */
    public boolean gathering() {
        return openBatches.get() > 0;
    }

    /** Accepts {@code key} for the next connections: saved by the first one when {@code save}. */
    public void approve(UnknownHostKey key, boolean save) {
        if (!closed) {
            approved.put(id(key), save ? Decision.ACCEPT_AND_SAVE : Decision.ACCEPT_ONCE);
        }
    }

    /** Application shutdown: every later question is answered REJECT (the single-host prompt is closed by its owner). */
    @Override
    public void close() {
        closed = true;
        approved.clear();
    }
}

package org.vireo.wizards.newvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.Stream;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtErrors;
import org.vireo.resources.Messages;

/**
 * Uploads a local ISO into a pool of the host (virStorageVolUpload over a libvirt stream), one chunk per call
 * on the host's thread so the host's polling goes on in between. Cancel or failure aborts the stream and deletes
 * the half-written volume.
 */
public final class IsoUpload {
    static final int CHUNK = 1 << 20;

    /** The ISO as a volume of the host: what the wizard's ISO field takes as {@code pool/volume}. */
    public record Uploaded(String pool, String volume) {
        public String describe() {
            return pool + "/" + volume;
        }
    }

    private final HostConnection host;
    private final Path file;
    private final String pool;
    private final String volumeName;
    private final Messages messages;

    /** @param messages the language of the upload's errors */
    public IsoUpload(HostConnection host, Path file, String pool, String volumeName, Messages messages) {
        this.host = host;
        this.file = file;
        this.pool = pool;
        this.volumeName = volumeName;
        this.messages = messages;
    }

    public IsoUpload(HostConnection host, Path file, String pool, String volumeName) {
        this(host, file, pool, volumeName, Messages.forDefaultLocale());
    }

    /** @param sent told the bytes sent so far after each chunk (on the host's thread) */
    public CompletableFuture<Uploaded> run(CancelToken cancel, LongConsumer sent) {
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new NewVmException(
                    messages.get("newVm.upload.unreadable", file, e.getMessage()), false, e));
        }
        State state = new State(in);
        CompletableFuture<Uploaded> result = new CompletableFuture<>();
        host.call(conn -> {
            StoragePool p = conn.storagePoolLookupByName(pool);
            try {
                state.volume = p.storageVolCreateXML(VolumeXml.ofBytes(volumeName, size, "raw"), 0);
            } finally {
                p.free();
            }
            state.stream = conn.streamNew(0);
            state.volume.upload(state.stream, 0, size, 0);
            return null;
        }).thenCompose(ignored -> sendRest(state, cancel, sent)).whenComplete((done, error) -> {
            closeQuietly(state.in);
            if (error == null) {
                result.complete(done);
                return;
            }
            host.call(conn -> {
                state.abortAndDelete();
                return null;
            }).whenComplete((x, cleanupError) -> result.completeExceptionally(failure(error, cleanupError)));
        });
        return result;
    }

    private NewVmException failure(Throwable error, Throwable cleanupError) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String removed = cleanupError == null ? messages.get("newVm.upload.partialRemoved")
                : messages.get("newVm.upload.partialLeft", LibvirtErrors.reasonText(cleanupError).in(messages));
        if (cause instanceof NewVmException n && n.cancelled()) {
            return new NewVmException(messages.get("newVm.upload.cancelled", file.getFileName(), removed), true, cause);
        }
        return new NewVmException(messages.get("newVm.upload.failed", file.getFileName(), pool, host.displayName(),
                LibvirtErrors.reasonText(cause).in(messages).replaceAll("\\.+$", ""), removed), false, cause);
    }

    private CompletableFuture<Uploaded> sendRest(State state, CancelToken cancel, LongConsumer sent) {
        if (cancel.isCancelled()) {
            return CompletableFuture.failedFuture(new NewVmException("cancelled", true, null));
        }
        return host.call(conn -> {
            byte[] chunk = read(state.in);
            if (chunk.length == 0) {
                state.stream.finish();
                state.stream.free();
                state.stream = null;
                state.volume.free();
                return true;
            }
            int off = 0;
            while (off < chunk.length) {
                int n = state.stream.send(off == 0 ? chunk : Arrays.copyOfRange(chunk, off, chunk.length));
                if (n <= 0) {
                    throw new IllegalStateException("the host's stream accepted no data");
                }
                off += n;
            }
            state.sent += chunk.length;
            sent.accept(state.sent);
            return false;
        }).thenCompose(finished -> finished ? CompletableFuture.completedFuture(new Uploaded(pool, volumeName))
                : sendRest(state, cancel, sent));
    }

    private static byte[] read(InputStream in) {
        try {
            return in.readNBytes(CHUNK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // read-only file: nothing was lost
        }
    }

    /** Mutable per-run state, touched only on the host's thread (and the input stream by its calls). */
    private static final class State {
        final InputStream in;
        long sent;
        StorageVol volume;
        Stream stream;

        State(InputStream in) {
            this.in = in;
        }

        void abortAndDelete() throws LibvirtException {
            if (stream != null) {
                try {
                    stream.abort();
                } catch (LibvirtException e) {
                    // already broken: deleting the volume is what matters
                }
            }
            if (volume != null) {
                volume.delete(0);
            }
        }
    }
}

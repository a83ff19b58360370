package org.vireo.wizards.newvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.vireo.resources.Messages;

/**
 * The one HTTP client of network installs: http and https only, a connect and a response timeout, an overall
 * deadline per file, a size limit per file, and the user's cancel checked while reading. Every failure becomes a
 * {@link TreeException} whose message names the URL.
 */
public final class TreeHttp {
    /** How much the client waits and reads. */
    public record Limits(Duration connect, Duration response, Duration perFile, long metadataBytes,
                         long kernelBytes, long initrdBytes) {
        public static Limits standard() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10), 256 * 1024,
                    128L * 1024 * 1024, 1024L * 1024 * 1024);
        }
    }

    private final HttpClient client;
    private final Limits limits;
    private final Messages messages;

    public TreeHttp(Limits limits, Messages messages) {
        this.limits = limits;
        this.messages = messages;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connect())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Limits limits() {
        return limits;
    }

    /** Only http and https URLs with a host; the message says what is wrong otherwise. */
    public static Optional<String> urlProblem(String url, Messages messages) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of(messages.get("newVm.err.urlSyntax", url, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of(messages.get("newVm.err.urlScheme", url));
        }
        return Optional.empty();
    }

    /** A small text file of the tree, or empty when the server says it is not there (404/410). */
    Optional<String> optionalText(URI uri, CancelToken cancel) throws TreeException {
        try (Response r = open(uri)) {
            if (r.status == 404 || r.status == 410) {
                return Optional.empty();
            }
            checkStatus(uri, r.status);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            copy(uri, r, out, limits.metadataBytes(), cancel, n -> { });
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Whether the server answers 404/410 for {@code uri} (the tree's root itself missing). */
    boolean missing(URI uri) throws TreeException {
        try (Response r = open(uri)) {
            return r.status == 404 || r.status == 410;
        }
    }

    /** Downloads {@code uri} to {@code target}; a 404 here is an error: the tree named the file. */
    void download(URI uri, Path target, long maxBytes, CancelToken cancel, LongConsumer received)
            throws TreeException {
        try (Response r = open(uri); OutputStream out = Files.newOutputStream(target)) {
            checkStatus(uri, r.status);
            copy(uri, r, out, maxBytes, cancel, received);
        } catch (IOException e) {
            throw new TreeException(messages.get("newVm.err.treeLocalWrite", target, e.getMessage()), e);
        }
    }

    private void checkStatus(URI uri, int status) throws TreeException {
        if (status == 404 || status == 410) {
            throw new TreeException(messages.get("newVm.err.treeNotFound", uri, status));
        }
        if (status / 100 != 2) {
            throw new TreeException(messages.get("newVm.err.treeHttpStatus", uri, status));
        }
    }

    private void copy(URI uri, Response r, OutputStream out, long maxBytes, CancelToken cancel, LongConsumer received)
            throws TreeException {
        long declared = r.response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            throw tooLarge(uri, maxBytes);
        }
        Instant deadline = Instant.now().plus(limits.perFile());
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            InputStream in = r.response.body();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(uri, maxBytes);
                }
                if (cancel.isCancelled()) {
                    throw new TreeException(messages.get("newVm.err.treeCancelled", uri));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TreeException(messages.get("newVm.err.treeSlow", uri, limits.perFile().toSeconds()));
                }
                out.write(buffer, 0, n);
                received.accept(total);
            }
        } catch (IOException e) {
            throw new TreeException(messages.get("newVm.err.treeRead", uri, describe(e)), e);
        }
    }

    private TreeException tooLarge(URI uri, long maxBytes) {
        return new TreeException(messages.get("newVm.err.treeTooLarge", uri, maxBytes / (1024 * 1024)));
    }

    private Response open(URI uri) throws TreeException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.response()).GET().build();
        try {
            return new Response(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new TreeException(messages.get("newVm.err.treeUnreachable", hostOf(uri), describe(e)), e);
        } catch (HttpTimeoutException e) {
            throw new TreeException(messages.get("newVm.err.treeNoAnswer", uri, limits.response().toSeconds()), e);
        } catch (IOException e) {
            throw new TreeException(messages.get("newVm.err.treeUnreachable", hostOf(uri), describe(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TreeException(messages.get("newVm.err.treeCancelled", uri), e);
        }
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A response whose body stream is closed (the connection released) however reading ends. */
    private static final class Response implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final int status;

        Response(HttpResponse<InputStream> response) {
            this.response = response;
            this.status = response.statusCode();
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // closing a half-read HTTP body: nothing left to release
            }
        }
    }
}

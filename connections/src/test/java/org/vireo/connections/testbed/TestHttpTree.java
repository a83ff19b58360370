package org.vireo.connections.testbed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small distribution tree served over HTTP on 127.0.0.1 (an ephemeral port), for network-install tests:
 * path → bytes, 404 for anything else; the requested paths are recorded.
 */
public final class TestHttpTree implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-http-tree");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public TestHttpTree() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            byte[] body = files.get(path);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code body} at the absolute path {@code path} ("/tree/.treeinfo"). */
    public TestHttpTree put(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    public TestHttpTree put(String path, String body) {
        return put(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** http://127.0.0.1:PORT + path */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package org.vireo.connections.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.libvirt.LibvirtUri;
import org.vireo.connections.libvirt.OpenedConnection;
import org.vireo.connections.store.ConnectionEntry;

/**
 * The demo host: libvirt's test driver loaded with a node file shipped in the resources module (a few web
 * servers, a paused database, shut-off builders, two networks and two pools), so a new user sees a
 * populated window without any real host. libvirt needs a file path, so the XML is copied to the cache.
 */
public final class DemoHost {
    public static final String ID = "demo";
    public static final String NAME = "Demo host";
    public static final String RESOURCE = "/org/vireo/resources/demo/demo-host.xml";

    private DemoHost() {
    }

    /** {@code test:///<cache>/vireo/demo-host.xml}, extracting the file first when missing or outdated. */
    public static String uri() {
        return uri(defaultCacheDir());
    }

    /** Same, with the file in {@code cacheDir} (tests use a temporary folder). */
    public static String uri(Path cacheDir) {
        Path file = extract(cacheDir).toAbsolutePath();
        StringBuilder uri = new StringBuilder("test://");
        for (Path part : file) {
            uri.append('/').append(encodeSegment(part.toString()));
        }
        return uri.toString();
    }

    /** VMs marked autostart on connect: the test driver's node file has no element for it. */
    public static final java.util.List<String> AUTOSTART_VMS = java.util.List.of("router", "web1");

    /**
     * Wraps an opener so that connections to the demo host also get what the node file cannot say
     * (autostart flags). Other entries pass through unchanged.
     */
    public static HostConnection.Opener withDemoSetup(HostConnection.Opener base) {
        return entry -> {
            OpenedConnection opened = base.open(entry);
            Connect conn = opened.connect();
            if (isDemo(entry.uri()) && !entry.readOnly()) {
                for (String name : AUTOSTART_VMS) {
                    Domain domain = conn.domainLookupByName(name);
                    try {
                        domain.setAutostart(true);
                    } finally {
                        domain.free();
                    }
                }
            }
            return opened;
        };
    }

    /** True for a test-driver URI of a demo host file. */
    public static boolean isDemo(String uri) {
        return LibvirtUri.tryParse(uri)
                .map(u -> "test".equals(u.driver()) && u.path().endsWith("/demo-host.xml"))
                .orElse(false);
    }

    /** A connection entry for the demo host, never saved (the app shows it only when nothing is saved). */
    public static ConnectionEntry entry() {
        return new ConnectionEntry(ID, uri(), NAME, null, true, false, null);
    }

    /** {@code $XDG_CACHE_HOME/vireo}, or {@code ~/.cache/vireo}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vireo");
    }

    static Path extract(Path cacheDir) {
        byte[] xml = bundledXml();
        Path target = cacheDir.resolve("demo-host.xml");
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), xml)) {
                return target;
            }
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, "demo-host.", ".tmp");
            try {
                Files.write(temp, xml);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo host file " + target + ": " + e.getMessage(), e);
        }
    }

    static byte[] bundledXml() {
        try (InputStream in = DemoHost.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo host file " + RESOURCE + " is missing from the classpath"
                        + " (vireo-resources jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Percent-encodes what a URI path may not hold raw (libvirt decodes the path before opening the file). */
    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}

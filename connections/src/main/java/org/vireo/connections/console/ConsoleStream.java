package org.vireo.connections.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** A connected byte stream to a VM's console server, and how to end it; {@link #where()} is for status lines. */
public final class ConsoleStream implements AutoCloseable {
    /** What ends the underlying socket or channel. */
    @FunctionalInterface
    public interface Closer {
        void close() throws IOException;
    }

    private final InputStream in;
    private final OutputStream out;
    private final Closer closer;
    private final String where;

    public ConsoleStream(InputStream in, OutputStream out, Closer closer, String where) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.where = Objects.requireNonNull(where, "where");
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    public String where() {
        return where;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (IOException e) {
            // Ending the stream either way; a failing close leaves nothing to do.
            System.getLogger(ConsoleStream.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing the console stream to " + where + " failed: " + e.getMessage());
        }
    }
}

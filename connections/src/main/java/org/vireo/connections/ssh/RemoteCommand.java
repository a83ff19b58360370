package org.vireo.connections.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.vireo.resources.Text;

/**
 * Runs a command on a host over its shared SSH session. Arguments are a list, each one quoted
 * ({@link ShellQuote}), so user input is never interpreted by the remote shell.
 */
public final class RemoteCommand {
    public static final int DEFAULT_MAX_OUTPUT = 1 << 20;
    private static final long POLL_MS = 10;

    private RemoteCommand() {
    }

    /**
     * @param maxOutputBytes limit per stream; output beyond it is discarded and {@code truncated} set
     * @throws SshException the channel could not be opened, the session died, or the timeout passed
     */
    public static CommandResult run(SshSession session, List<String> argv, Duration timeout, int maxOutputBytes)
            throws SshException {
        String commandLine = ShellQuote.join(argv);
        BoundedSink out = new BoundedSink(maxOutputBytes);
        BoundedSink err = new BoundedSink(maxOutputBytes);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!session.acquireExecSlot(timeout.toNanos())) {
                throw new SshException(Text.of("ssh.command.busy", argv.get(0), session.route().target(),
                        timeout.toSeconds(), SshSession.MAX_CONCURRENT_EXEC));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(Text.of("ssh.command.interrupted", argv.get(0)), e);
        }
        ChannelExec ch = null;
        try {
            ch = (ChannelExec) session.jsch().openChannel("exec");
            ch.setCommand(commandLine);
            ch.setInputStream(new java.io.ByteArrayInputStream(new byte[0])); // remote stdin at EOF
            ch.setOutputStream(out);
            ch.setErrStream(err);
            ch.connect((int) Math.max(1, timeout.toMillis()));
            // JSch reports the end only by state: wait for it, bounded by the deadline.
            while (!ch.isClosed()) {
                if (System.nanoTime() > deadline) {
                    throw new SshException(Text.of("ssh.command.timeout", argv.get(0), session.route().target(),
                            timeout.toSeconds()));
                }
                if (!session.isConnected()) {
                    throw new SshException(Text.of("ssh.command.sessionEnded", session.route().target(), argv.get(0)));
                }
                Thread.sleep(POLL_MS);
            }
            return new CommandResult(ch.getExitStatus(), out.text(), err.text(), out.truncated || err.truncated);
        } catch (JSchException e) {
            throw new SshException(Text.of("ssh.command.failed", argv.get(0), session.route().target(), e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(Text.of("ssh.command.interruptedRunning", argv.get(0)), e);
        } finally {
            if (ch != null) {
                ch.disconnect();
            }
            session.releaseExecSlot();
        }
    }

    public static CommandResult run(SshSession session, List<String> argv, Duration timeout) throws SshException {
        return run(session, argv, timeout, DEFAULT_MAX_OUTPUT);
    }

    /** Keeps the first {@code max} bytes, drops the rest (the remote side is not blocked). */
    private static final class BoundedSink extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int max;
        private volatile boolean truncated;

        BoundedSink(int max) {
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = max - kept.size();
            if (len > room) {
                truncated = true;
            }
            kept.write(b, off, Math.max(0, Math.min(len, room)));
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}

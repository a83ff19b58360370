package org.vireo.connections.ssh;

import org.vireo.resources.Text;

/** Told once when an SSH session ends without being closed by Vireo (host dead, sshd gone, network lost). */
@FunctionalInterface
public interface SessionLossListener {
    /** Called on the pool's monitor thread: keep it short, hand work to your own executor. */
    void sessionLost(SshSession session, Text reason);
}

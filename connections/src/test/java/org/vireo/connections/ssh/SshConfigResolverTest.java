package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigResolverTest {
    @TempDir
    Path home;

    private SshConfigResolver resolver(String config) throws Exception {
        Path file = home.resolve(".ssh/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config);
        return new SshConfigResolver(file, home, "localuser");
    }

    private static List<String> destinations(SshRoute route) {
        return route.jumps().stream().map(SshEndpoint::destination).toList();
    }

    @Test
    void hostNameUserPortAndIdentityFileFromConfig() throws Exception {
        SshRoute r = resolver("Host web\n  HostName 10.0.0.5\n  User admin\n  Port 2200\n  IdentityFile ~/.ssh/web_key\n")
                .resolve(SshTarget.of(null, "web", 0));
        assertEquals("admin@10.0.0.5:2200", r.target().destination());
        assertEquals(List.of(home.resolve(".ssh/web_key").toString()), r.target().identityFiles());
        assertEquals(List.of(), r.jumps());
    }

    @Test
    void explicitValuesBeatTheConfigAndDefaultsApply() throws Exception {
        SshConfigResolver res = resolver("Host web\n  User admin\n  Port 2200\n");
        assertEquals("root@web:2222", res.resolve(SshTarget.of("root", "web", 2222)).target().destination());
        assertEquals("localuser@other:22", res.resolve(SshTarget.of(null, "other", 0)).target().destination());
    }

    @Test
    void proxyJumpChainAccessFrontendNode() throws Exception {
        SshRoute r = resolver("""
                Host access
                  HostName access.grid.example
                  User gate
                Host frontend
                  HostName fe.site.example
                  ProxyJump access
                Host node*
                  HostName %h.site.example
                  ProxyJump frontend
                """).resolve(SshTarget.of("root", "node12", 0));
        assertEquals(List.of("gate@access.grid.example:22", "localuser@fe.site.example:22"), destinations(r));
        assertEquals("root@node12.site.example:22", r.target().destination());
        assertEquals("gate@access.grid.example:22 -> localuser@fe.site.example:22 -> root@node12.site.example:22",
                r.key());
    }

    @Test
    void multiHopProxyJumpValueIsResolvedHopByHop() throws Exception {
        SshRoute r = resolver("""
                Host a
                  HostName 10.0.0.1
                  Port 2201
                Host target
                  ProxyJump u@a,b:2202
                """).resolve(SshTarget.of(null, "target", 0));
        assertEquals(List.of("u@10.0.0.1:2201", "localuser@b:2202"), destinations(r));
    }

    @Test
    void perConnectionJumpOverridesConfig() throws Exception {
        SshRoute r = resolver("Host node\n  ProxyJump frontend\n")
                .resolve(SshTarget.of(null, "node", 0).withJumpHosts("root@127.0.0.1:2222"));
        assertEquals(List.of("root@127.0.0.1:2222"), destinations(r));
    }

    @Test
    void proxyJumpNoneStopsAWildcard() throws Exception {
        SshConfigResolver res = resolver("Host bastion\n  ProxyJump none\nHost *\n  ProxyJump bastion\n");
        assertEquals(List.of(), res.resolve(SshTarget.of(null, "bastion", 0)).jumps());
        assertEquals(List.of("localuser@bastion:22"), destinations(res.resolve(SshTarget.of(null, "x", 0))));
    }

    @Test
    void cycleIsReportedWithThePath() throws Exception {
        SshConfigResolver res = resolver("Host a\n  ProxyJump b\nHost b\n  ProxyJump c\nHost c\n  ProxyJump a\n");
        SshException e = assertThrows(SshException.class, () -> res.resolve(SshTarget.of(null, "a", 0)));
        assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void overlongChainIsRefused() throws Exception {
        StringBuilder cfg = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            cfg.append("Host h").append(i).append("\n  ProxyJump h").append(i + 1).append('\n');
        }
        SshException e = assertThrows(SshException.class, () -> resolver(cfg.toString()).resolve(SshTarget.of(null, "h0", 0)));
        assertTrue(e.getMessage().contains("deeper than 8"), e.getMessage());
    }

    @Test
    void missingConfigFileIsAnEmptyConfig() throws Exception {
        SshConfigResolver res = new SshConfigResolver(home.resolve("nope"), home, "me");
        assertEquals("me@h:22", res.resolve(SshTarget.of(null, "h", 0)).target().destination());
    }
}

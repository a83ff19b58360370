package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.vireo.app.cli.CliEnvironment;
import org.vireo.connections.testbed.TestGuests;
import org.vireo.connections.testbed.Testbed;

/** {@code vireo list} against the test bed's two sshds, with a test HOME whose known_hosts starts empty. */
@Tag("testbed")
class ListCommandTestbedTest {
    @TempDir
    Path dir;
    Testbed bed;
    Path home;
    Path knownHosts;
    CliEnvironment env;
    final List<String> guestNames = new ArrayList<>();
    TestGuests guests;

    @BeforeEach
    void setUp() throws Exception {
        bed = Testbed.require();
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  IdentityFile " + bed.sshKey() + "\n");
        knownHosts = home.resolve(".ssh/known_hosts");
        Files.writeString(knownHosts, "");
        env = CliRun.environment(dir, home, Duration.ofSeconds(30));
        guests = new TestGuests(bed);
    }

    @AfterEach
    void removeGuests() throws Exception {
        for (Testbed.Host host : bed.hosts()) {
            Connect c = new Connect(host.unixUri());
            try {
                guests.cleanup(c, "cli-");
            } finally {
                c.close();
            }
        }
    }

    private String sshUri(Testbed.Host host) {
        return "qemu+ssh://root@127.0.0.1:" + host.sshPort() + "/system";
    }

    /** The SHA256 fingerprint of the bed's recorded key for {@code [127.0.0.1]:port}, as ssh-keygen -l prints it. */
    private String fingerprint(int port) throws Exception {
        for (String line : Files.readAllLines(bed.knownHosts())) {
            String[] f = line.split(" ");
            if (f[0].equals("[127.0.0.1]:" + port)) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(f[2]));
                return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            }
        }
        throw new AssertionError("no key for port " + port + " in " + bed.knownHosts());
    }

    private String defineGuest(Testbed.Host host) throws Exception {
        String name = TestGuests.uniqueName("cli-" + host.id());
        Connect c = new Connect(host.unixUri());
        try {
            guests.define(c, name).free();
        } finally {
            c.close();
        }
        guestNames.add(name);
        return name;
    }

    @Test
    void unknownHostKeysAreRefusedWithTheirFingerprintAndExit1() throws Exception {
        CliRun run = CliRun.run(env, "list", "--connect", sshUri(bed.hostA()), "--connect", sshUri(bed.hostB()));

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains(fingerprint(bed.hostA().sshPort())), run.toString());
        assertTrue(run.err().contains(fingerprint(bed.hostB().sshPort())), run.toString());
        assertTrue(run.err().contains("--accept-new-host-keys"), run.toString());
        assertEquals("", Files.readString(knownHosts), "nothing saved");
    }

    @Test
    void acceptNewHostKeysListsBothHostsVmsAndSavesTheKeys() throws Exception {
        String onA = defineGuest(bed.hostA());
        String onB = defineGuest(bed.hostB());

        CliRun run = CliRun.run(env, "list", "--json", "--accept-new-host-keys",
                "--connect", sshUri(bed.hostA()), "--connect", sshUri(bed.hostB()));

        assertEquals(0, run.exit(), run.toString());
        JsonNode hosts = new ObjectMapper().readTree(run.out()).get("hosts");
        assertEquals(2, hosts.size(), run.out());
        assertEquals("connected", hosts.get(0).get("state").asText());
        assertTrue(hosts.get(0).get("vms").findValuesAsText("name").contains(onA), run.out());
        assertTrue(!hosts.get(0).get("vms").findValuesAsText("name").contains(onB), run.out());
        assertTrue(hosts.get(1).get("vms").findValuesAsText("name").contains(onB), run.out());
        JsonNode vmA = null;
        for (JsonNode vm : hosts.get(0).get("vms")) {
            if (vm.get("name").asText().equals(onA)) {
                vmA = vm;
            }
        }
        assertEquals("shutoff", vmA.get("state").asText());
        assertEquals(1, vmA.get("vcpus").asInt());
        assertEquals(128 * 1024, vmA.get("memoryKiB").asInt());
        String saved = Files.readString(knownHosts);
        assertTrue(saved.contains("[127.0.0.1]:" + bed.hostA().sshPort() + " ssh-ed25519 "), saved);
        assertTrue(saved.contains("[127.0.0.1]:" + bed.hostB().sshPort() + " ssh-ed25519 "), saved);

        // now known: the plain run works too, as text
        CliRun again = CliRun.run(env, "list", "--connect", sshUri(bed.hostA()));
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains(onA), again.toString());
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
        // record host B's key under host A's name: A now presents a key different from the recorded one
        String bKey = Files.readAllLines(bed.knownHosts()).stream()
                .filter(l -> l.startsWith("[127.0.0.1]:" + bed.hostB().sshPort() + " ")).findFirst().orElseThrow();
        Files.writeString(knownHosts, bKey.replace(":" + bed.hostB().sshPort() + " ", ":" + bed.hostA().sshPort() + " ") + "\n");

        CliRun run = CliRun.run(env, "list", "--accept-new-host-keys", "--connect", sshUri(bed.hostA()));

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("CHANGED"), run.toString());
        assertTrue(run.err().contains(fingerprint(bed.hostA().sshPort())), run.toString());
        assertTrue(run.err().contains(knownHosts + ":1"), run.toString());
        assertEquals(1, Files.readAllLines(knownHosts).size(), "nothing added");
    }

    @Test
    void oneHostDownMeansExit1WithItsErrorAndTheOtherListed() throws Exception {
        CliRun run = CliRun.run(env, "list", "--accept-new-host-keys", "--connect", sshUri(bed.hostA()),
                "--connect", "qemu+ssh://root@127.0.0.1:1/system");

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains(sshUri(bed.hostA()) + "  [connected]"), run.toString());
        assertTrue(run.err().contains("qemu+ssh://root@127.0.0.1:1/system"), run.toString());
        assertTrue(run.err().toLowerCase().contains("connection refused"), run.toString());
    }
}

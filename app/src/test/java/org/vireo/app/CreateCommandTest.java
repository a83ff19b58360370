package org.vireo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vireo.app.cli.CliEnvironment;

/** {@code vireo create} against libvirt's test driver (no daemon): the same model as the wizard. */
class CreateCommandTest {
    @TempDir
    Path dir;

    private CliEnvironment env() {
        return CliRun.environment(dir, dir.resolve("home"), Duration.ofSeconds(10));
    }

    @Test
    void printXmlShowsTheDomainAndCreatesNothing() {
        CliRun run = CliRun.run(env(), "create", "--connect", "test:///default", "--name", "cli1", "--pxe",
                "--memory", "512", "--print-xml");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("<domain type=\"test\">"), run.toString());
        assertTrue(run.out().contains("<boot dev=\"network\"/>"), run.toString());
        assertTrue(run.out().contains("<source pool=\"default-pool\" volume=\"cli1.qcow2\"/>"), run.toString());
        assertTrue(run.out().contains("<source network=\"default\"/>"), run.toString());
    }

    @Test
    void osIsGuessedFromTheIsoAndOptionsOverrideIt() {
        CliRun run = CliRun.run(env(), "create", "-c", "test:///default", "--name", "deb", "--memory", "512",
                "--cdrom", "/isos/debian-12.5.0-amd64-netinst.iso", "--disk", "size=3,format=raw", "--network",
                "none", "--print-xml");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("<vireo:os id=\"debian12\""), run.toString());
        assertTrue(run.out().contains("<source file=\"/isos/debian-12.5.0-amd64-netinst.iso\"/>"), run.toString());
        assertTrue(run.out().contains("volume=\"deb.img\""), run.toString());
        assertTrue(!run.out().contains("<interface"), run.toString());
    }

    @Test
    void refusalsNameTheProblem() {
        CliRun taken = CliRun.run(env(), "create", "-c", "test:///default", "--name", "test", "--pxe", "--print-xml");
        assertEquals(2, taken.exit());
        assertTrue(taken.err().contains("A VM named 'test' already exists on this host."), taken.toString());

        CliRun twoSources = CliRun.run(env(), "create", "-c", "test:///default", "--name", "x", "--pxe",
                "--import", "/d.qcow2");
        assertEquals(2, twoSources.exit());
        assertTrue(twoSources.err().contains("give exactly one install source"), twoSources.toString());

        CliRun memory = CliRun.run(env(), "create", "-c", "test:///default", "--name", "x", "--pxe",
                "--memory", "999999", "--print-xml");
        assertEquals(2, memory.exit());
        assertTrue(memory.err().contains("MiB the host has free"), memory.toString());

        CliRun virt = CliRun.run(env(), "create", "-c", "test:///default", "--name", "x", "--pxe", "--memory", "512",
                "--virt-type", "kvm", "--print-xml");
        assertEquals(2, virt.exit());
        assertTrue(virt.err().contains("the host does not offer KVM guests for i686"), virt.toString());

        CliRun disk = CliRun.run(env(), "create", "-c", "test:///default", "--name", "x", "--pxe",
                "--disk", "pool=default-pool,size=lots");
        assertEquals(2, disk.exit());
        assertTrue(disk.err().contains("--disk size must be a whole number of GiB, not 'lots'"), disk.toString());
    }

    @Test
    void createsAndStartsOnTheTestHost() {
        CliRun run = CliRun.run(env(), "create", "-c", "test:///default", "--name", "cli-made", "--memory", "512",
                "--pxe");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Created 'cli-made' ("), run.toString());
        assertTrue(run.out().contains("it is running."), run.toString());
        assertTrue(run.err().contains("Create the volume default-pool/cli-made.qcow2…"), run.toString());
    }
}

package org.vireo.connections.nodelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeListParserTest {
    private static final ImportOptions NODES = ImportOptions.defaults().withGroup("nodes");

    private static ParseResult parseFixture(String name, ImportOptions options, Set<String> existing) {
        return NodeListParser.parse(Fixtures.bytes(name), null, options, existing);
    }

    private static NodeEntry row(ParseResult result, int line) {
        List<NodeEntry> rows = result.entries().stream().filter(e -> e.line() == line).toList();
        assertEquals(1, rows.size(), "rows on line " + line + ": " + rows);
        return rows.get(0);
    }

    private static List<String> uris(ParseResult result, NodeStatus status) {
        return result.entries().stream().filter(e -> e.status() == status).map(NodeEntry::uri).toList();
    }

    @Test
    void plainListGivesOneUriPerHostWithUserPortAndIpv6() {
        ParseResult r = parseFixture("plain-hosts.txt", NODES, Set.of());

        assertEquals(NodeListFormat.PLAIN, r.format());
        assertEquals(List.of(
                "qemu+ssh://griffon-1.nancy.grid5000.fr/system",
                "qemu+ssh://root@griffon-2.nancy.grid5000.fr/system",
                "qemu+ssh://griffon-3.nancy.grid5000.fr:2222/system",
                "qemu+ssh://[2001:db8::10]:2200/system",
                "qemu+ssh://admin@[2001:db8::11]/system",
                "qemu+ssh://10.0.0.5/system"), uris(r, NodeStatus.NEW));
        assertEquals("nodes", row(r, 2).group());
        assertEquals(2222, row(r, 4).port());
        assertEquals("root", row(r, 3).user());
        assertEquals(1, r.collapsedRepeats(), "line 9 repeats line 2 word for word");
        NodeEntry upper = row(r, 10);
        assertEquals(NodeStatus.DUPLICATE_IN_FILE, upper.status(), "host names compare without case");
        assertEquals("same connection as line 2", upper.reason());
    }

    @Test
    void plainListRefusesSpacesShellCharactersAndBadPortsWithReasons() {
        ParseResult r = parseFixture("plain-hosts.txt", NODES, Set.of());

        NodeEntry spaces = row(r, 11);
        assertEquals(NodeStatus.INVALID, spaces.status());
        assertEquals("host name 'bad host name' contains a space", spaces.reason());
        NodeEntry shell = row(r, 12);
        assertEquals(NodeStatus.INVALID, shell.status());
        assertTrue(shell.reason().contains("';'"), shell.reason());
        assertNull(shell.uri());
        assertEquals("port 70000 is out of range (1-65535)", row(r, 13).reason());
        assertTrue(r.hasErrors());
    }

    @Test
    void oarNodeFileCollapsesOneLinePerCoreIntoOneRowPerHost() {
        ParseResult r = parseFixture("oar-nodes.txt", ImportOptions.defaults().withDriver(Driver.XEN).withUser("root"), Set.of());

        assertEquals(60, r.entries().size());
        assertEquals(60, r.count(NodeStatus.NEW));
        assertEquals(60 * 7, r.collapsedRepeats());
        assertEquals(List.of(), r.problems());
        assertFalse(r.hasErrors(), "repeats are not errors");
        assertEquals("xen+ssh://root@graphene-1.nancy.grid5000.fr/", r.entries().get(0).uri());
        assertEquals(9, r.entries().get(1).line(), "a row keeps the line of the host's first appearance");
    }

    @Test
    void hostsAlreadySavedAreMarkedAndNotAdded() {
        ParseResult r = parseFixture("oar-nodes.txt", ImportOptions.defaults().withUser("root"),
                Set.of("qemu+ssh://root@GRAPHENE-2.nancy.grid5000.fr:22/system"));

        assertEquals(NodeStatus.ALREADY_PRESENT, r.entries().get(1).status(), "host case and the default port do not matter");
        assertEquals(59, r.entriesToAdd().size());
    }

    @Test
    void uriListKeepsUrisAndRefusesUnknownSchemesAndCommandParameters() {
        ParseResult r = parseFixture("uris.txt", NODES, Set.of());

        assertEquals(NodeListFormat.URIS, r.format());
        assertEquals(List.of("qemu+ssh://root@node-1.example.org/system", "xen+ssh://root@node-2.example.org/",
                "qemu:///system", "qemu+ssh://root@node-3.example.org:2222/system"), uris(r, NodeStatus.NEW));
        assertTrue(row(r, 6).reason().startsWith("unknown URI scheme 'http'"), row(r, 6).reason());
        assertTrue(row(r, 7).reason().contains("'netcat' names a program to run"), row(r, 7).reason());
    }

    @Test
    void csvReadsColumnsInAnyCaseAndReportsTheUnknownOne() {
        ParseResult r = parseFixture("hosts.csv", NODES, Set.of());

        assertEquals(NodeListFormat.CSV, r.format());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).text().startsWith("unknown column 'Rack' (column 6)"), r.problems().toString());
        assertEquals(1, r.problems().get(0).line());

        NodeEntry first = row(r, 2);
        assertEquals("qemu+ssh://root@node-1.example.org/system", first.uri());
        assertEquals("rack-a", first.group());
        assertTrue(first.autoconnect());
        assertEquals("First node", first.name());
        NodeEntry second = row(r, 3);
        assertEquals("xen+ssh://root@node-2.example.org:2222/", second.uri());
        assertEquals("Second, with a comma", second.name());
        NodeEntry third = row(r, 4);
        assertEquals("qemu+ssh://node-3.example.org/system", third.uri());
        assertEquals("nodes", third.group(), "an empty cell takes the option");
        assertEquals("He said \"hi\"", third.name());
        assertEquals("port 99999 is out of range (1-65535)", row(r, 5).reason());
        assertEquals("unknown driver 'vmware' (qemu or xen)", row(r, 6).reason());
    }

    @Test
    void tsvReadsTabSeparatedColumnsWithJumpHosts() {
        ParseResult r = parseFixture("hosts.tsv", NODES, Set.of());

        assertEquals(NodeListFormat.TSV, r.format());
        assertEquals(List.of(), r.problems());
        assertEquals("qemu+ssh://root@node-1.example.org/system", row(r, 2).uri());
        assertEquals("admin@gateway.example.org", row(r, 2).jump());
        assertEquals("qemu+ssh://node-2.example.org/system", row(r, 3).uri());
    }

    @Test
    void gconfFileGivesItsUrisAndMarksAutoconnect() {
        ParseResult r = parseFixture("gconf-connections.xml", NODES, Set.of());

        assertEquals(NodeListFormat.GCONF_XML, r.format());
        assertEquals(List.of("xen+ssh://root@griffon-10.nancy.grid5000.fr/", "xen+ssh://root@griffon-11.nancy.grid5000.fr/",
                "xen+ssh://root@griffon-12.nancy.grid5000.fr/"), uris(r, NodeStatus.NEW));
        assertEquals(List.of(false, true, false), r.entries().stream().map(NodeEntry::autoconnect).toList());
        assertEquals(13, r.entries().get(0).line());
        assertEquals(List.of(), r.problems());
        assertTrue(r.notes().stream().anyMatch(n -> n.text().contains("xen:///") && n.line() == 5), r.notes().toString());
    }

    @Test
    void gconfWithAnExternalEntityIsRefusedWithoutReadingIt() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE gconf [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <gconf><entry name="uris"><li><stringvalue>&x;</stringvalue></li></entry></gconf>
                """;
        ParseResult r = NodeListParser.parse(xxe, null, NODES, Set.of());

        assertEquals(NodeListFormat.GCONF_XML, r.format());
        assertEquals(List.of(), r.entries());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertFalse(r.problems().toString().contains("root:"), "nothing of /etc/passwd leaks");
    }

    @Test
    void brokenGconfIsOneFileProblem() {
        ParseResult r = NodeListParser.parse("<gconf><entry name=\"uris\">\n<li><stringvalue>x", NodeListFormat.GCONF_XML, NODES, Set.of());

        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).text().startsWith("not a readable gconf XML file"), r.problems().toString());
    }

    @Test
    void dconfDumpGivesItsUrisAndMarksAutoconnect() {
        ParseResult r = parseFixture("dconf-dump.txt", NODES, Set.of());

        assertEquals(NodeListFormat.DCONF_DUMP, r.format());
        assertEquals(List.of("qemu:///system", "xen+ssh://root@n1.example.org/", "qemu+ssh://admin@n2.example.org/system",
                "qemu+ssh://n3.example.org/system"), uris(r, NodeStatus.NEW));
        assertEquals(List.of(true, true, false, false), r.entries().stream().map(NodeEntry::autoconnect).toList());
        assertTrue(r.entries().stream().allMatch(e -> e.line() == 3));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void sshConfigGivesOneConnectionPerConcreteAliasAndNotesPatterns() {
        ParseResult r = parseFixture("ssh_config", NODES.withUser("root"), Set.of());

        assertEquals(NodeListFormat.SSH_CONFIG, r.format());
        assertEquals(List.of("qemu+ssh://root@g5k/system", "qemu+ssh://root@griffon-1/system", "qemu+ssh://root@griffon-2/system"),
                uris(r, NodeStatus.NEW));
        Set<String> notes = r.notes().stream().map(FileMessage::toString).collect(Collectors.toSet());
        assertTrue(notes.contains("line 6: Host pattern '*.nancy.grid5000.fr' is not one host; skipped"), notes.toString());
        assertTrue(notes.contains("line 6: Host pattern '!griffon-99.nancy.grid5000.fr' is not one host; skipped"), notes.toString());
        assertTrue(notes.contains("line 14: Host pattern 'node-?' is not one host; skipped"), notes.toString());
        assertTrue(notes.contains("line 17: Match blocks name no single host; skipped"), notes.toString());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void crlfAndByteOrderMarkAreInvisible() {
        ParseResult r = parseFixture("crlf-bom.txt", NODES, Set.of());

        assertEquals(NodeListFormat.PLAIN, r.format());
        assertEquals(List.of("qemu+ssh://node-1.example.org/system", "qemu+ssh://root@node-2.example.org/system",
                "qemu+ssh://node-3.example.org:2222/system"), uris(r, NodeStatus.NEW));
        assertEquals(List.of(1, 2, 5), r.entries().stream().map(NodeEntry::line).toList());
        assertFalse(r.hasErrors());
    }

    @Test
    void binaryFileIsOneClearProblem() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        ParseResult r = NodeListParser.parse(png, null, NODES, Set.of());

        assertEquals(List.of(), r.entries());
        assertEquals(List.of(new FileMessage(0, "this is a binary file (it contains NUL bytes), not a node list")), r.problems());
    }

    @Test
    void invalidUtf8IsOneClearProblem() {
        byte[] latin1 = "nœud-1\n".getBytes(StandardCharsets.ISO_8859_1);
        latin1[1] = (byte) 0xE9; // a lone Latin-1 byte is not UTF-8
        ParseResult r = NodeListParser.parse(latin1, null, NODES, Set.of());

        assertEquals(List.of(), r.entries());
        assertEquals("this file is not UTF-8 text (invalid byte 0xE9 at offset 1)", r.problems().get(0).text());
    }

    @Test
    void emptyFileAndCommentOnlyFileAreProblems() {
        assertEquals("the file is empty", NodeListParser.parse(new byte[0], null, NODES, Set.of()).problems().get(0).text());
        assertEquals("the file is empty", NodeListParser.parse("\uFEFF\r\n  \n", null, NODES, Set.of()).problems().get(0).text());
        assertEquals("no hosts found in the file", NodeListParser.parse("# only\n# comments\n", null, NODES, Set.of()).problems().get(0).text());
    }

    @Test
    void tenMegabyteLineIsRefusedOnItsOwnLine() {
        String huge = "a".repeat(10 << 20);
        ParseResult r = NodeListParser.parse("node-1\n" + huge + "\nnode-2\n", null, NODES, Set.of());

        assertEquals(List.of(NodeStatus.NEW, NodeStatus.INVALID, NodeStatus.NEW), r.entries().stream().map(NodeEntry::status).toList());
        NodeEntry line2 = r.entries().get(1);
        assertEquals(2, line2.line());
        assertEquals("line is " + (10 << 20) + " characters long (at most 4096)", line2.reason());
        assertTrue(line2.raw().length() < 100, "the preview is short");
    }

    @Test
    void hundredThousandLinesAreRead() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            b.append("n-").append(i).append(".example.org\n");
        }
        ParseResult r = NodeListParser.parse(b.toString(), null, NODES, Set.of());

        assertEquals(100_000, r.count(NodeStatus.NEW));
        assertEquals(100_000, r.entries().get(99_999).line());
    }

    @Test
    void optionsApplyToEveryRowWithoutOwnValue() {
        ImportOptions options = new ImportOptions(Driver.XEN, "root", "admin@gw.example.org:2200", "rack 7", true, true);
        ParseResult r = NodeListParser.parse("n1\nops@n2\n", NodeListFormat.PLAIN, options, Set.of());

        NodeEntry n1 = r.entries().get(0);
        assertEquals("xen+ssh://root@n1/", n1.uri());
        assertEquals("admin@gw.example.org:2200", n1.jump());
        assertEquals("rack 7", n1.group());
        assertTrue(n1.autoconnect());
        assertTrue(n1.readOnly());
        assertEquals("xen+ssh://ops@n2/", r.entries().get(1).uri(), "the row's own user wins");
        var saved = r.entriesToAdd().get(0);
        assertEquals("admin@gw.example.org:2200", saved.jumpHost());
        assertTrue(saved.readOnly());
    }

    @Test
    void invalidOptionsMakeRowsInvalidAndAreReported() {
        ImportOptions options = ImportOptions.defaults().withUser("ro ot").withJump("gw;reboot");
        ParseResult r = NodeListParser.parse("n1\n", NodeListFormat.PLAIN, options, Set.of());

        assertEquals("user name 'ro ot' contains a space", r.entries().get(0).reason());
        assertEquals("user name 'ro ot' contains a space", options.problem().orElseThrow());
        assertTrue(ImportOptions.defaults().withJump("gw;reboot").problem().orElseThrow().startsWith("jump host: host name 'gw;reboot'"));
    }

    @Test
    void hostChecksRefuseWhatIsNotAHostName() {
        assertEquals("host name '-oProxyCommand=x' starts with '-'",
                NodeListParser.parse("-oProxyCommand=x\n", NodeListFormat.PLAIN, NODES, Set.of()).entries().get(0).reason());
        assertTrue(NodeAddress.checkHost("n$(id)").orElseThrow().contains("'$'"));
        assertTrue(NodeAddress.checkHost("nœud").orElseThrow().contains("punycode"));
        assertTrue(NodeAddress.checkHost("a..b").isPresent());
        assertTrue(NodeAddress.checkHost("1:2:3").isPresent(), "too few IPv6 groups");
        assertTrue(NodeAddress.checkHost("::1").isEmpty());
        assertTrue(NodeAddress.checkHost("::ffff:192.0.2.1").isEmpty());
        assertTrue(NodeAddress.checkHost("fe80::1%eth0").orElseThrow().contains("zone"));
        assertTrue(NodeAddress.checkHost("x".repeat(64)).orElseThrow().contains("longer than 63"));
    }

    @Test
    void formatIsDetectedFromContentAndCanBeOverridden() {
        assertEquals(NodeListFormat.PLAIN, NodeListFormat.detect("# hosts\nnode-1\n"));
        assertEquals(NodeListFormat.PLAIN, NodeListFormat.detect("[::1]:22\n"));
        assertEquals(NodeListFormat.URIS, NodeListFormat.detect("\n qemu+ssh://n/system\n"));
        assertEquals(NodeListFormat.CSV, NodeListFormat.detect("host,user\n"));
        assertEquals(NodeListFormat.TSV, NodeListFormat.detect("host\tuser\n"));
        assertEquals(NodeListFormat.GCONF_XML, NodeListFormat.detect("\uFEFF<?xml version=\"1.0\"?><gconf/>"));
        assertEquals(NodeListFormat.DCONF_DUMP, NodeListFormat.detect("[/]\nuris=['qemu:///system']\n"));
        assertEquals(NodeListFormat.SSH_CONFIG, NodeListFormat.detect("Host=a\n  User root\n"));

        ParseResult forced = NodeListParser.parse("host,user\n", NodeListFormat.PLAIN, NODES, Set.of());
        assertEquals(NodeListFormat.PLAIN, forced.format());
        assertTrue(forced.entries().get(0).reason().contains("','"), forced.entries().toString());
    }

    @Test
    void defaultGroupIsTheFileNameWithoutExtension() {
        assertEquals("nodes", ImportOptions.groupFromFileName("/tmp/nodes.txt"));
        assertEquals("OAR.1234", ImportOptions.groupFromFileName("OAR.1234.stdout"));
        assertEquals("gconf", ImportOptions.groupFromFileName("/home/u/.gconf/apps/virt-manager/connections/%gconf.xml"));
        assertEquals("ssh_config", ImportOptions.groupFromFileName("ssh_config"));
    }
}

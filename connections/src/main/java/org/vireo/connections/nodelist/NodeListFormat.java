package org.vireo.connections.nodelist;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of node list Vireo reads; {@link #detect} tells them apart by content, never by file name. */
public enum NodeListFormat {
    /** One host per line: {@code host}, {@code user@host}, {@code host:port}, {@code [v6]:port}; OAR node files. */
    PLAIN("plain"),
    /** One libvirt URI per line. */
    URIS("uris"),
    /** Comma-separated with a header row (RFC 4180 quoting). */
    CSV("csv"),
    /** Tab-separated with a header row. */
    TSV("tsv"),
    /** virt-manager's old {@code ~/.gconf/apps/virt-manager/connections/%gconf.xml}. */
    GCONF_XML("gconf"),
    /** {@code dconf dump /org/virt-manager/virt-manager/connections/}. */
    DCONF_DUMP("dconf"),
    /** An OpenSSH client configuration: one connection per concrete {@code Host} alias. */
    SSH_CONFIG("ssh-config");

    private static final int SCAN_LINES = 200;
    private static final Set<String> SSH_BLOCK_KEYWORDS = Set.of("host", "match");

    private final String id;

    NodeListFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line ({@code --format}). */
    public String id() {
        return id;
    }

    public static Optional<NodeListFormat> fromId(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (NodeListFormat f : values()) {
            if (f.id.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Guesses the format from the first lines of the content; PLAIN when nothing else fits. */
    public static NodeListFormat detect(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.stripLeading().startsWith("<")) {
            return GCONF_XML;
        }
        String firstMeaningful = null;
        boolean sshBlock = false;
        boolean dconfKey = false;
        TextLines lines = new TextLines(text, NodeListParser.MAX_LINE_CHARS);
        int meaningful = 0;
        while (meaningful < SCAN_LINES && lines.next()) {
            if (lines.tooLong()) {
                continue;
            }
            String line = lines.text().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            meaningful++;
            if (firstMeaningful == null) {
                firstMeaningful = line;
            }
            String key = firstWord(line);
            dconfKey |= line.startsWith("uris=") || line.startsWith("autoconnect=");
            sshBlock |= SSH_BLOCK_KEYWORDS.contains(key.toLowerCase(Locale.ROOT)) && line.length() > key.length();
        }
        if (firstMeaningful == null) {
            return PLAIN;
        }
        if (dconfKey) {
            return DCONF_DUMP;
        }
        NodeListFormat delimited = firstMeaningful.indexOf('\t') >= 0 ? TSV : CSV;
        if (knownColumns(firstMeaningful, delimited == TSV ? '\t' : ',') >= 2) {
            return delimited;
        }
        if (sshBlock) {
            return SSH_CONFIG;
        }
        if (firstMeaningful.indexOf('\t') >= 0) {
            return TSV;
        }
        if (firstMeaningful.indexOf(',') >= 0) {
            return CSV;
        }
        return firstMeaningful.contains("://") ? URIS : PLAIN;
    }

    /** How many cells of a would-be header row are column names the CSV reader knows. */
    private static int knownColumns(String line, char separator) {
        int known = 0;
        for (String cell : line.split(String.valueOf(separator), -1)) {
            String name = cell.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            known += DelimitedReader.COLUMNS.contains(name) ? 1 : 0;
        }
        return known;
    }

    private static String firstWord(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        return line.substring(0, i);
    }
}

package org.vireo.connections.nodelist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a node list into preview rows: detects (or takes) the format, applies the import options,
 * validates every row and marks it new, already present, duplicate in the file or invalid. Pure
 * computation on text: nothing in the file is ever executed or resolved.
 */
public final class NodeListParser {
    /** Longest line read as a row; longer lines are refused one by one. */
    public static final int MAX_LINE_CHARS = 4096;
    /** Largest file read at all. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private NodeListParser() {
    }

    /** Reads a file's bytes, refusing files over {@link #MAX_FILE_BYTES}. Call off the UI thread. */
    public static byte[] readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(file + " is " + (size >> 20) + " MB; node lists over " + (MAX_FILE_BYTES >> 20) + " MB are not read");
        }
        return Files.readAllBytes(file);
    }

    /** Decodes strict UTF-8 first; a binary or non-UTF-8 file gives one file-level problem and no rows. */
    public static ParseResult parse(byte[] content, NodeListFormat format, ImportOptions options,
                                    Collection<String> existingUris) {
        Decoded decoded = decode(content);
        if (decoded.problem != null) {
            return new ParseResult(format == null ? NodeListFormat.PLAIN : format, List.of(),
                    List.of(new FileMessage(0, decoded.problem)), List.of(), 0);
        }
        return parse(decoded.text, format, options, existingUris);
    }

    /**
     * @param format        the format to read as, or null to detect it from the content
     * @param existingUris  URIs of the saved connections, to mark rows already present
     */
    public static ParseResult parse(String content, NodeListFormat format, ImportOptions options,
                                    Collection<String> existingUris) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        NodeListFormat used = format != null ? format : NodeListFormat.detect(text);
        if (text.indexOf('\0') >= 0) {
            return new ParseResult(used, List.of(), List.of(new FileMessage(0, BINARY)), List.of(), 0);
        }
        if (text.isBlank()) {
            return new ParseResult(used, List.of(), List.of(new FileMessage(0, "the file is empty")), List.of(), 0);
        }
        ReadContext context = new ReadContext();
        switch (used) {
            case PLAIN -> LineListReader.read(text, false, context);
            case URIS -> LineListReader.read(text, true, context);
            case CSV -> DelimitedReader.read(text, ',', context);
            case TSV -> DelimitedReader.read(text, '\t', context);
            case GCONF_XML -> GconfReader.read(text, context);
            case DCONF_DUMP -> DconfReader.read(text, context);
            case SSH_CONFIG -> SshConfigReader.read(text, context);
        }
        boolean collapseRepeats = used == NodeListFormat.PLAIN || used == NodeListFormat.URIS;
        return resolve(used, context, options, existingUris, collapseRepeats);
    }

    private static ParseResult resolve(NodeListFormat format, ReadContext context, ImportOptions options,
                                       Collection<String> existingUris, boolean collapseRepeats) {
        Set<String> existing = new HashSet<>();
        existingUris.forEach(u -> existing.add(NodeAddress.normalise(u)));
        Map<String, Integer> firstLineOfUri = new HashMap<>();
        Set<String> seenRaw = new HashSet<>();
        List<NodeEntry> entries = new java.util.ArrayList<>(context.rows.size());
        int collapsed = 0;
        for (Candidate c : context.rows) {
            if (collapseRepeats && !seenRaw.add(c.raw())) {
                collapsed++;
                continue;
            }
            NodeEntry entry = RowResolver.resolve(c, options);
            if (entry.status() != NodeStatus.INVALID) {
                String key = NodeAddress.normalise(entry.uri());
                Integer first = firstLineOfUri.putIfAbsent(key, entry.line());
                if (first != null) {
                    entry = entry.withStatus(NodeStatus.DUPLICATE_IN_FILE, "same connection as line " + first);
                } else if (existing.contains(key)) {
                    entry = entry.withStatus(NodeStatus.ALREADY_PRESENT, null);
                }
            }
            entries.add(entry);
        }
        if (entries.isEmpty() && context.problems.isEmpty()) {
            context.problem(0, "no hosts found in the file");
        }
        return new ParseResult(format, entries, context.problems, context.notes, collapsed);
    }

    private static final String BINARY = "this is a binary file (it contains NUL bytes), not a node list";

    private record Decoded(String text, String problem) {
    }

    private static Decoded decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return new Decoded(null, BINARY);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, "this file is not UTF-8 text (invalid byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + " at offset " + in.position() + ")");
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), null);
    }
}

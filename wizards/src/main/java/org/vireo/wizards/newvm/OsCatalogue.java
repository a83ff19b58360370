package org.vireo.wizards.newvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The OS catalogue shipped in resources ({@code org/vireo/resources/os/catalogue.json}). */
public final class OsCatalogue {
    public static final String RESOURCE = "/org/vireo/resources/os/catalogue.json";
    public static final String GENERIC_ID = "generic";

    private final Map<String, String> familyNames;
    private final List<OsVariant> variants;

    private OsCatalogue(Map<String, String> familyNames, List<OsVariant> variants) {
        this.familyNames = Map.copyOf(familyNames);
        this.variants = List.copyOf(variants);
    }

    /** The bundled catalogue; a broken bundle is a build error, so it fails loudly. */
    public static OsCatalogue bundled() {
        try (InputStream in = OsCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OS catalogue " + RESOURCE + " missing from the resources jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("OS catalogue " + RESOURCE + " unreadable: " + e.getMessage(), e);
        }
    }

    static OsCatalogue read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, String> families = new LinkedHashMap<>();
        List<OsVariant> variants = new ArrayList<>();
        for (JsonNode family : root.path("families")) {
            String familyId = family.path("family").asText();
            families.put(familyId, family.path("name").asText());
            for (JsonNode v : family.path("variants")) {
                List<String> match = new ArrayList<>();
                v.path("match").forEach(m -> match.add(m.asText()));
                variants.add(new OsVariant(v.path("id").asText(), familyId, v.path("name").asText(),
                        v.path("memoryMiB").asInt(1024), v.path("vcpus").asInt(1), v.path("diskGiB").asInt(10),
                        v.path("virtio").asBoolean(), Firmware.valueOf(v.path("firmware").asText("bios")
                        .toUpperCase(Locale.ROOT)), v.path("machine").asText("q35"), match));
            }
        }
        return new OsCatalogue(families, variants);
    }

    public List<OsVariant> variants() {
        return variants;
    }

    /** Family id → shown name, in catalogue order. */
    public Map<String, String> families() {
        return familyNames;
    }

    public List<OsVariant> family(String family) {
        return variants.stream().filter(v -> v.family().equals(family)).toList();
    }

    public Optional<OsVariant> byId(String id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public OsVariant generic() {
        return byId(GENERIC_ID).orElseThrow(() -> new IllegalStateException("OS catalogue has no '" + GENERIC_ID + "'"));
    }

    /**
     * Guesses the OS from an ISO file or a distribution tree URL, e.g. {@code debian-12.5.0-amd64-netinst.iso}
     * → debian12. Only the last path element counts for files; a URL is matched whole (trees name the release in
     * the path).
     */
    public Optional<OsVariant> guess(String isoOrTree) {
        if (isoOrTree == null || isoOrTree.isBlank()) {
            return Optional.empty();
        }
        String text = isoOrTree.contains("://") ? isoOrTree : isoOrTree.substring(isoOrTree.lastIndexOf('/') + 1);
        for (OsVariant v : variants) {
            for (String regex : v.match()) {
                if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}

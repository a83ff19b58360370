package org.vireo.wizards.newvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs libvirt's own {@code virt-xml-validate} (package libvirt-clients) on an XML string. */
final class LibvirtSchema {
    private LibvirtSchema() {
    }

    /** @param schema domain, storagevol, … @return null when valid, else the validator's output */
    static String problems(String xml, String schema) throws IOException, InterruptedException {
        Path file = Files.createTempFile("vireo-validate", ".xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(List.of("virt-xml-validate", file.toString(), schema))
                    .redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "virt-xml-validate did not finish in 60 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? null : out + "\n--- XML ---\n" + xml;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

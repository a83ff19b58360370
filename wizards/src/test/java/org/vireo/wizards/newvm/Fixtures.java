package org.vireo.wizards.newvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vireo.connections.host.DomainCapabilities;
import org.vireo.connections.host.HostCapabilities;
import org.vireo.connections.host.HostXmlException;

/** Host XML captured from real hosts (connections' test resources) and the hand-written Xen host. */
final class Fixtures {
    private Fixtures() {
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HostCapabilities caps(String name) throws HostXmlException {
        return HostCapabilities.parse(read("/org/vireo/connections/host/capabilities-" + name + ".xml"), name);
    }

    static Optional<DomainCapabilities> kvmDomCaps() throws HostXmlException {
        return Optional.of(DomainCapabilities.parse(read("/org/vireo/connections/host/domcapabilities-kvm.xml"), "a"));
    }
}

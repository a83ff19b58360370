package org.vireo.connections.nodelist;

import java.util.Optional;

/** Turns one reader row plus the import options into a preview row: its URI, or why it has none. */
final class RowResolver {
    private RowResolver() {
    }

    static NodeEntry resolve(Candidate c, ImportOptions options) {
        if (c.error() != null) {
            return NodeEntry.invalid(c.line(), c.raw(), c.error());
        }
        try {
            String uri;
            String user;
            int port;
            if (c.uri() != null) {
                // A full URI is taken as written: its own driver, user and port win over the options.
                uri = c.uri().strip();
                NodeAddress.UriParts parts = NodeAddress.parseUri(uri);
                user = parts.authority() == null ? null : parts.authority().user();
                port = parts.authority() == null ? 0 : parts.authority().port();
            } else {
                NodeAddress.HostSpec spec = NodeAddress.parseHostSpec(c.hostSpec().strip());
                user = first(spec.user(), first(c.user(), options.user()));
                if (user != null) {
                    fail(NodeAddress.checkUser(user));
                }
                port = spec.port() != 0 ? spec.port() : c.port() == null ? 0 : NodeAddress.parsePort(c.port().strip());
                Driver driver = c.driver() == null ? options.driver() : Driver.fromId(c.driver())
                        .orElseThrow(() -> new InvalidRowException("unknown driver '" + NodeAddress.shown(c.driver()) + "' (qemu or xen)"));
                uri = NodeAddress.buildUri(driver, user, new NodeAddress.HostSpec(null, spec.host(), port));
            }
            String jump = first(c.jump(), options.jump());
            if (jump != null) {
                jump = jump.strip();
                fail(NodeAddress.checkJump(jump));
            }
            String group = first(c.group(), options.group());
            if (group != null) {
                group = group.strip();
                fail(NodeAddress.checkLabel("group", group));
            }
            String name = c.name() == null ? null : c.name().strip();
            if (name != null) {
                fail(NodeAddress.checkLabel("name", name));
            }
            boolean autoconnect = c.autoconnect() != null ? c.autoconnect() : options.autoconnect();
            boolean readOnly = c.readOnly() != null ? c.readOnly() : options.readOnly();
            return new NodeEntry(c.line(), c.raw(), uri, group, user, port, jump, autoconnect, readOnly, name,
                    NodeStatus.NEW, null);
        } catch (InvalidRowException e) {
            return NodeEntry.invalid(c.line(), c.raw(), e.getMessage());
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static void fail(Optional<String> problem) throws InvalidRowException {
        if (problem.isPresent()) {
            throw new InvalidRowException(problem.get());
        }
    }
}

package org.vireo.connections.nodelist;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings applied to every row of an import. A row's own value (a CSV cell, {@code user@} in a
 * plain line, the parts of a full URI) wins; these fill in what the row leaves out.
 *
 * @param driver      hypervisor for rows that give only a host
 * @param user        SSH user, null or blank for none
 * @param jump        SSH jump host(s) {@code [user@]host[:port][,more]}, null or blank for none
 * @param group       folder for the imported hosts, null or blank for top level
 */
public record ImportOptions(Driver driver, String user, String jump, String group, boolean autoconnect,
                            boolean readOnly) {
    public ImportOptions {
        Objects.requireNonNull(driver, "driver");
        user = blankToNull(user);
        jump = blankToNull(jump);
        group = blankToNull(group);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Driver.QEMU, null, null, null, false, false);
    }

    public ImportOptions withDriver(Driver value) {
        return new ImportOptions(value, user, jump, group, autoconnect, readOnly);
    }

    public ImportOptions withUser(String value) {
        return new ImportOptions(driver, value, jump, group, autoconnect, readOnly);
    }

    public ImportOptions withJump(String value) {
        return new ImportOptions(driver, user, value, group, autoconnect, readOnly);
    }

    public ImportOptions withGroup(String value) {
        return new ImportOptions(driver, user, jump, value, autoconnect, readOnly);
    }

    public ImportOptions withAutoconnect(boolean value) {
        return new ImportOptions(driver, user, jump, group, value, readOnly);
    }

    public ImportOptions withReadOnly(boolean value) {
        return new ImportOptions(driver, user, jump, group, autoconnect, value);
    }

    /** What is wrong with the user, jump host or group given here, if anything. */
    public Optional<String> problem() {
        if (user != null) {
            Optional<String> p = NodeAddress.checkUser(user);
            if (p.isPresent()) {
                return p;
            }
        }
        if (jump != null) {
            Optional<String> p = NodeAddress.checkJump(jump);
            if (p.isPresent()) {
                return p;
            }
        }
        return group == null ? Optional.empty() : NodeAddress.checkLabel("group", group);
    }

    /** The default group for a file: its name without directory and extension ("nodes.txt" → "nodes"). */
    public static String groupFromFileName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        // virt-manager's "%gconf.xml" and dot files would otherwise give "%gconf" or "".
        name = name.replaceAll("^[%.]+", "");
        return name.isBlank() ? null : name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

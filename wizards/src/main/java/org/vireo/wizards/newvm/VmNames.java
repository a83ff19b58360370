package org.vireo.wizards.newvm;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vireo.resources.Messages;

/**
 * Which names a new VM may have. libvirt itself refuses '/' and empty names; names that are only digits are
 * read as domain ids by virsh; we also keep to characters that are safe in file and volume names, as virt-install
 * does, so the default volume name {@code NAME.qcow2} works in every pool.
 */
public final class VmNames {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    public static final int MAX_LENGTH = 64;

    private VmNames() {
    }

    /** @return why the name cannot be used on a host with {@code existing} domains, or empty if it can */
    public static Optional<String> problem(Messages messages, String name, Collection<String> existing) {
        if (name == null || name.isBlank()) {
            return Optional.of(messages.get("newVm.check.nameEmpty"));
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(messages.get("newVm.check.nameLong", MAX_LENGTH));
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Optional.of(messages.get("newVm.check.nameDigits"));
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of(messages.get("newVm.check.nameChars", name));
        }
        if (existing.contains(name)) {
            return Optional.of(messages.get("newVm.check.nameTaken", name));
        }
        return Optional.empty();
    }
}

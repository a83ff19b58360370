package org.vireo.wizards.newvm;

import java.net.URI;
import java.util.List;

/**
 * What a distribution tree offers for a network install: the installer's kernel and initrd, the kernel arguments
 * that point the installer back at the tree, and texts the OS can be guessed from.
 *
 * @param distro      the tree's kind as found ("Fedora 40", "Debian"), for messages
 * @param installArgs e.g. {@code inst.repo=URL} for anaconda trees; empty where the installer finds its mirror
 * @param osHints     texts for {@link OsCatalogue#guess}, best first
 */
public record TreeMedia(URI kernel, URI initrd, String distro, String installArgs, List<String> osHints) {
    public TreeMedia {
        osHints = List.copyOf(osHints);
    }

    /** The tree's own arguments, then the user's. */
    public String cmdline(String userArgs) {
        return (installArgs + " " + (userArgs == null ? "" : userArgs.strip())).strip();
    }
}

package org.vireo.wizards.newvm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vireo.resources.Messages;

/**
 * Finds the installer kernel and initrd of a distribution tree the way virt-install does: a {@code .treeinfo}
 * (Fedora, RHEL-likes, openSUSE) names them per architecture; Debian and Ubuntu mirrors have
 * {@code current/images/MANIFEST} and a netboot folder per architecture; a Debian or Ubuntu ISO exported over HTTP
 * has {@code .disk/info} and {@code install/netboot/…}. Paths read from the tree are refused unless they stay
 * inside it.
 */
public final class DistroTree {
    private static final Pattern INSTALLER_ARCH = Pattern.compile(".*/installer-(\\w+)/?$");

    private final URI base;
    private final String arch;
    private final boolean xenPv;
    private final TreeHttp http;
    private final CancelToken cancel;
    private final Messages messages;

    private DistroTree(URI base, String arch, boolean xenPv, TreeHttp http, CancelToken cancel, Messages messages) {
        this.base = base;
        this.arch = arch;
        this.xenPv = xenPv;
        this.http = http;
        this.cancel = cancel;
        this.messages = messages;
    }

    /**
     * @param arch  the guest's architecture as libvirt names it (x86_64, aarch64, …)
     * @param xenPv a Xen paravirtualized guest: the tree's Xen kernel where it has one
     */
    public static TreeMedia detect(String url, String arch, boolean xenPv, TreeHttp http, CancelToken cancel,
                                   Messages messages) throws TreeException {
        Optional<String> problem = TreeHttp.urlProblem(url, messages);
        if (problem.isPresent()) {
            throw new TreeException(problem.get());
        }
        String text = url.strip();
        URI base = URI.create(text.endsWith("/") ? text : text + "/");
        return new DistroTree(base, arch, xenPv, http, cancel, messages).detect();
    }

    private TreeMedia detect() throws TreeException {
        Optional<String> treeinfo = text(".treeinfo").or(() -> textOrEmpty("treeinfo"));
        if (treeinfo.isPresent()) {
            return fromTreeinfo(parseIni(treeinfo.get()));
        }
        Optional<TreeMedia> debian = debianLike("current/images/MANIFEST", "current/images")
;
        if (debian.isEmpty()) {
            debian = debianLike(".disk/info", "install");
        }
        if (debian.isPresent()) {
            return debian.get();
        }
        if (http.missing(base)) {
            throw new TreeException(messages.get("newVm.err.treeNotFound", base, 404));
        }
        throw new TreeException(messages.get("newVm.err.notATree", base));
    }

    // Probing for files that may be absent; a wrapper so Optional.or can call it.
    private Optional<String> textOrEmpty(String path) {
        try {
            return text(path);
        } catch (TreeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String path) throws TreeException {
        return http.optionalText(inside(path), cancel);
    }

    /** A Debian or Ubuntu tree when {@code evidenceFile} exists and names one ({@code prefix}: its images). */
    private Optional<TreeMedia> debianLike(String evidenceFile, String prefix) throws TreeException {
        Optional<String> evidence = text(evidenceFile);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String lower = evidence.get().toLowerCase(Locale.ROOT);
        for (String debname : List.of("ubuntu", "debian")) {
            if (lower.contains(debname)) {
                return Optional.of(debian(debname, prefix, evidence.get()));
            }
        }
        return Optional.empty();
    }

    private TreeMedia fromTreeinfo(Map<String, Map<String, String>> ini) throws TreeException {
        Map<String, String> general = ini.getOrDefault("general", Map.of());
        String family = general.getOrDefault("family", "");
        String version = general.getOrDefault("version", "");
        String treeArch = general.getOrDefault("arch", arch);
        Map<String, String> images = ini.get("images-" + (xenPv ? "xen" : arch));
        if (images == null) {
            images = ini.get("images-" + treeArch);
        }
        if (images == null || !images.containsKey("kernel") || !images.containsKey("initrd")) {
            throw new TreeException(messages.get("newVm.err.treeinfoNoImages", inside(".treeinfo"), arch));
        }
        String lower = family.toLowerCase(Locale.ROOT);
        String args = lower.contains("suse") ? "install=" + base : "inst.repo=" + base;
        String first = lower.isBlank() ? "" : lower.split("\\s+")[0];
        List<String> hints = new ArrayList<>();
        hints.add(first + "-" + version + "-");
        hints.add(lower.replaceAll("\\s+", "-") + "-" + version + "-");
        hints.add(general.getOrDefault("name", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", "-") + "-");
        hints.add(base.toString());
        return new TreeMedia(inside(images.get("kernel")), inside(images.get("initrd")),
                (family + " " + version).strip(), args, hints);
    }

    private TreeMedia debian(String debname, String prefix, String evidence) throws TreeException {
        String folder = xenPv ? prefix + "/netboot/xen/" : prefix + "/netboot/" + debname + "-installer/" + treeArch() + "/";
        String kernel = xenPv ? "vmlinuz" : "linux";
        String name = debname.equals("ubuntu") ? "Ubuntu" : "Debian";
        return new TreeMedia(inside(folder + kernel), inside(folder + "initrd.gz"), name, "",
                List.of(base.toString(), evidence.lines().findFirst().orElse("").toLowerCase(Locale.ROOT)
                        .replaceAll("\\s+", "-") + "-"));
    }

    /** Debian's name for the architecture: from the URL ({@code installer-amd64/}) or the guest's. */
    private String treeArch() {
        Matcher m = INSTALLER_ARCH.matcher(base.getPath());
        if (m.matches()) {
            return m.group(1);
        }
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "i686", "i386" -> "i386";
            case "aarch64" -> "arm64";
            case "ppc64le" -> "ppc64el";
            default -> arch;
        };
    }

    /**
     * The URL of {@code path} inside the tree. A path that is absolute, has a scheme, a '..' step, a backslash,
     * a query or anything that resolves outside the tree is refused: the tree's files are not trusted.
     */
    URI inside(String path) throws TreeException {
        String p = path == null ? "" : path.strip();
        boolean hostile = p.isEmpty() || p.startsWith("/") || p.contains("\\") || p.contains(":") || p.contains("?")
                || p.contains("#") || p.chars().anyMatch(c -> c < 0x20)
                || List.of(p.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals("."));
        URI resolved = null;
        if (!hostile) {
            try {
                resolved = base.resolve(new URI(null, null, p, null));
            } catch (URISyntaxException e) {
                hostile = true;
            }
        }
        if (hostile || !resolved.toString().startsWith(base.toString())) {
            throw new TreeException(messages.get("newVm.err.treePathOutside", path, base));
        }
        return resolved;
    }

    /** A small INI reader for .treeinfo: [section] and key = value lines; '#' and ';' start comments. */
    static Map<String, Map<String, String>> parseIni(String text) {
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new HashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current != null && eq > 0) {
                current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        return sections;
    }
}

package org.vireo.connections.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vireo.resources.Text;

/**
 * Which libvirt daemon socket a remote URI needs.
 *
 * @param driver         {@code qemu} or {@code xen}
 * @param sessionMode    {@code /session} (per-user daemon) instead of {@code /system}
 * @param readOnly       use the daemon's read-only socket
 * @param socketOverride libvirt's {@code socket=} parameter, or null
 * @param uriPath        path of the original URI ({@code /system}, {@code /session}, {@code /})
 */
public record LibvirtSocketRequest(String driver, boolean sessionMode, boolean readOnly, String socketOverride,
                                   String uriPath) {

    public LibvirtSocketRequest {
        if (!driver.equals("qemu") && !driver.equals("xen")) {
            throw new SshSettingException(Text.of("ssh.setting.driver", driver));
        }
    }

    /** From a URI such as {@code qemu+ssh://root@host/system?socket=/run/x}. */
    public static LibvirtSocketRequest fromUri(String libvirtUri, boolean readOnly) {
        URI uri;
        try {
            uri = new URI(libvirtUri);
        } catch (URISyntaxException e) {
            throw new SshSettingException(Text.of("ssh.setting.notUriPlain", libvirtUri), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        boolean session = path.equals("/session");
        if (!session && !path.equals("/system") && !(driver.equals("xen") && path.equals("/"))) {
            throw new SshSettingException(Text.of(driver.equals("xen") ? "ssh.setting.pathXen" : "ssh.setting.path", path,
                    libvirtUri));
        }
        Map<String, String> params = SshTarget.queryParams(uri);
        return new LibvirtSocketRequest(driver, session, readOnly, params.get("socket"), path);
    }

    /**
     * Candidate socket paths in order. For /session they are relative to the remote user's runtime directory.
     * The monolithic {@code libvirt-sock} is also where virtproxyd listens on modular hosts.
     */
    public List<String> candidates() {
        if (socketOverride != null) {
            return List.of(socketOverride);
        }
        String ro = readOnly ? "-ro" : "";
        String modular = driver.equals("qemu") ? "virtqemud-sock" : "virtxend-sock";
        List<String> names = new ArrayList<>();
        names.add("libvirt-sock" + ro);
        names.add(modular + ro);
        List<String> paths = new ArrayList<>();
        for (String n : names) {
            // session daemons have no read-only socket: the user owns the daemon
            paths.add(sessionMode ? "libvirt/" + n.replace("-ro", "") : "/var/run/libvirt/" + n);
        }
        return paths.stream().distinct().toList();
    }
}

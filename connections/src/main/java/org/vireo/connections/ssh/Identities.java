package org.vireo.connections.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.vireo.resources.Text;

/**
 * The keys offered for one login, in order: explicit key files (keyfile=, IdentityFile), then the ssh-agent's
 * keys, then the default ~/.ssh/id_* files. Also describes what was offered, for auth error messages.
 */
final class Identities implements IdentityRepository {
    private final List<Identity> explicit = new ArrayList<>();
    private final List<Identity> defaults = new ArrayList<>();
    private final IdentityRepository agent;
    private final List<String> offered = new ArrayList<>();
    private int agentKeys = -1;

    private Identities(IdentityRepository agent) {
        this.agent = agent;
    }

    static Identities load(SshEndpoint endpoint, SshSettings settings) throws SshException {
        IdentityRepository agent = null;
        if (settings.agentSocket() != null) {
            try {
                SSHAgentConnector connector = new SSHAgentConnector(settings.agentSocket());
                if (connector.isAvailable()) {
                    agent = new AgentIdentityRepository(connector);
                }
            } catch (AgentProxyException e) {
                agent = null; // no usable agent: keys from files only, as OpenSSH does
            }
        }
        Identities ids = new Identities(agent);
        for (String file : endpoint.identityFiles()) {
            if (!Files.isReadable(Path.of(file))) {
                throw new SshException(Text.of("ssh.keyFileMissing", file, endpoint));
            }
            ids.explicit.add(ids.loadFile(file));
        }
        for (Path file : settings.defaultKeyFiles()) {
            if (Files.isReadable(file) && !endpoint.identityFiles().contains(file.toString())) {
                ids.defaults.add(ids.loadFile(file.toString()));
            }
        }
        if (agent != null) {
            ids.agentKeys = agent.getIdentities().size();
        }
        return ids;
    }

    private Identity loadFile(String file) throws SshException {
        JSch loader = new JSch();
        try {
            loader.addIdentity(file);
            offered.add(file);
            return loader.getIdentityRepository().getIdentities().get(0);
        } catch (JSchException e) {
            throw new SshException(Text.of("ssh.keyFileUnloadable", file, e.getMessage()), e);
        }
    }

    /** Human-readable list of what was offered, e.g. {@code /k/id_ed25519, ssh-agent (1 keys)}. */
    /** What was offered: the agent's keys first, then the key files. */
    Text describe() {
        String files = String.join(", ", offered);
        if (agentKeys < 0) {
            return offered.isEmpty() ? Text.of("ssh.offered.none") : Text.verbatim(files);
        }
        return offered.isEmpty() ? Text.of("ssh.offered.agent", agentKeys)
                : Text.of("ssh.offered.agentAndFiles", agentKeys, files);
    }

    @Override
    public String getName() {
        return "vireo";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(explicit);
        if (agent != null) {
            all.addAll(agent.getIdentities());
        }
        all.addAll(defaults);
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        explicit.forEach(Identity::clear);
        defaults.forEach(Identity::clear);
    }
}

# Shared functions of the test bed scripts (testbed/start, stop, status, guest).
# Sourced, not executed. Every path is quoted; callers run with `set -euo pipefail`.

TB_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_REPO_ROOT="$(cd "$TB_LIB_DIR/../.." && pwd)"
TB_STATE="${VIREO_TESTBED_STATE:-$TB_REPO_ROOT/.testbed-state}"
TB_HOSTS=(a b)

tb_log() { printf 'testbed: %s\n' "$*" >&2; }
tb_die() { printf 'testbed: error: %s\n' "$*" >&2; exit 1; }

# The env file is read by shells and by java.util.Properties: values must need no quoting.
tb_check_state_path() {
    case "$TB_STATE" in
        /*) ;;
        *) tb_die "VIREO_TESTBED_STATE must be an absolute path, got '$TB_STATE'" ;;
    esac
    if [[ ! "$TB_STATE" =~ ^[A-Za-z0-9_./+-]+$ ]]; then
        tb_die "state folder '$TB_STATE' may only contain letters, digits and _./+- (it is written unquoted to the env file)"
    fi
    case "$TB_STATE/" in
        /run/*|/var/run/*) tb_die "state folder '$TB_STATE' must not be under /run: each host gets its own /run" ;;
    esac
}

# Writes stdin to FILE only when the content differs, so a repeated start changes nothing.
tb_write_if_changed() { # FILE [MODE]
    local file="$1" mode="${2:-644}" tmp
    tmp="$(mktemp "$file.XXXXXX")"
    cat >"$tmp"
    if [[ -f "$file" ]] && cmp -s "$tmp" "$file"; then
        rm -f "$tmp"
    else
        chmod "$mode" "$tmp"
        mv -f "$tmp" "$file"
    fi
}

tb_require_root() {
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || tb_die "the test bed needs root (namespaces, libvirtd) and sudo is not installed"
        exec sudo --preserve-env=VIREO_TESTBED_STATE,VIREO_TB_A_SSH_PORT,VIREO_TB_B_SSH_PORT "$0" "$@"
    fi
}

# Per-host settings: sets TB_H (a|b) and the TB_* variables of that host.
tb_host() {
    TB_H="$1"
    TB_DIR="$TB_STATE/$TB_H"
    TB_PIDS="$TB_DIR/pid"
    case "$TB_H" in
        a) TB_HOSTNAME=vireo-a; TB_SSH_PORT="${VIREO_TB_A_SSH_PORT:-2222}"
           TB_VNC_MIN=5900; TB_VNC_MAX=5999; TB_MIG_MIN=49152; TB_MIG_MAX=49200 ;;
        b) TB_HOSTNAME=vireo-b; TB_SSH_PORT="${VIREO_TB_B_SSH_PORT:-2223}"
           TB_VNC_MIN=6900; TB_VNC_MAX=6999; TB_MIG_MIN=50152; TB_MIG_MAX=50200 ;;
        *) tb_die "unknown host '$1' (expected a or b)" ;;
    esac
    [[ "$TB_SSH_PORT" =~ ^[0-9]+$ ]] || tb_die "ssh port of host $TB_H must be a number, got '$TB_SSH_PORT'"
    TB_SOCKET="$TB_DIR/run/libvirt-sock"
    TB_URI="qemu+unix:///system?socket=$TB_SOCKET"
    TB_SSH_URI="qemu+ssh://root@127.0.0.1:$TB_SSH_PORT/system"
}

TB_SSH_DIR="$TB_STATE/ssh"
TB_CLIENT_KEY="$TB_SSH_DIR/id_ed25519"
TB_KNOWN_HOSTS="$TB_SSH_DIR/known_hosts"
TB_AUTHORIZED_KEYS="$TB_SSH_DIR/authorized_keys"
TB_SSH_COMMAND="$TB_SSH_DIR/ssh"
TB_ENV="$TB_STATE/env"

# Expected command name (/proc/PID/comm) of each recorded process.
tb_comm_of() {
    case "$1" in
        holder) echo sleep ;;
        virtlogd) echo virtlogd ;;
        libvirtd) echo libvirtd ;;
        sshd) echo sshd ;;
        *) tb_die "internal: unknown process kind '$1'" ;;
    esac
}

tb_read_pid() { # FILE -> prints the PID or nothing
    local pid=""
    [[ -f "$1" ]] && read -r pid <"$1" 2>/dev/null || true
    [[ "$pid" =~ ^[1-9][0-9]*$ ]] && echo "$pid"
    return 0
}

tb_mntns_of() { readlink "/proc/$1/ns/mnt" 2>/dev/null || true; }

# True when PID is alive, has the expected command name and lives in the host's recorded
# mount namespace: a recycled PID of someone else's process never matches all three.
tb_pid_is_ours() { # PID COMM
    local pid="$1" comm="$2" actual ns
    [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
    actual="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    [[ "$actual" == "$comm" ]] || return 1
    ns="$(cat "$TB_PIDS/mntns" 2>/dev/null || true)"
    [[ -n "$ns" && "$(tb_mntns_of "$pid")" == "$ns" ]]
}

tb_proc_alive() { # KIND -> 0 when the recorded process of the current host is running
    local kind="$1"
    tb_pid_is_ours "$(tb_read_pid "$TB_PIDS/$kind.pid")" "$(tb_comm_of "$kind")"
}

tb_virsh() { # virsh on the current host's unix socket, bounded in time
    timeout 20 virsh -q -c "$TB_URI" "$@"
}

tb_libvirt_answers() { [[ -S "$TB_SOCKET" ]] && timeout 5 virsh -q -c "$TB_URI" version >/dev/null 2>&1; }

tb_port_accepts() { # PORT
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

tb_host_up() { tb_libvirt_answers && tb_port_accepts "$TB_SSH_PORT"; }

# Waits (bounded) until COMMAND succeeds; returns 1 on timeout.
tb_wait_for() { # SECONDS DESCRIPTION COMMAND...
    local seconds="$1" what="$2"; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        if ((SECONDS >= deadline)); then
            tb_log "timed out after ${seconds}s waiting for $what"
            return 1
        fi
        sleep 0.2
    done
}

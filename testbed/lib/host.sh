# Lifecycle of one test-bed host (after `tb_host a|b`): its private copies of libvirt's
# folders, its namespace holder, virtlogd, libvirtd and sshd. Sourced after common.sh.

TB_LIBVIRT_DIRS=(run:/run/libvirt etc:/etc/libvirt lib:/var/lib/libvirt log:/var/log/libvirt cache:/var/cache/libvirt)

# Comments out every active `KEY =` line of FILE, so our appended settings are the only ones.
tb_unset_conf_keys() { # FILE KEY...
    local file="$1"; shift
    local key
    for key in "$@"; do
        sed -i -E "s/^([[:space:]]*${key}[[:space:]]*=)/# vireo-testbed: \\1/" "$file"
    done
}

# First start only: copies of the machine's libvirt configuration and state, made the host's own.
tb_prepare_host() {
    local d
    mkdir -p "$TB_DIR" "$TB_PIDS" "$TB_DIR/ssh" "$TB_DIR/logs"
    if [[ ! -f "$TB_DIR/prepared" ]]; then
        for d in "${TB_LIBVIRT_DIRS[@]}"; do
            [[ "${d#*:}" == /run/* || -d "${d#*:}" ]] || tb_die "${d#*:} is missing: run packaging/dev/install-deps test"
        done
        rm -rf "$TB_DIR/etc" "$TB_DIR/lib" "$TB_DIR/log" "$TB_DIR/cache" "$TB_DIR/run"
        mkdir -p "$TB_DIR/etc" "$TB_DIR/lib" "$TB_DIR/log/qemu" "$TB_DIR/cache" "$TB_DIR/run"
        cp -a /etc/libvirt/. "$TB_DIR/etc/"
        cp -a /var/lib/libvirt/. "$TB_DIR/lib/"
        # Both hosts share the machine's network namespace: an autostarted default network
        # (virbr0 + dnsmasq) would collide between them and with a system libvirtd.
        rm -f "$TB_DIR/etc/qemu/networks/autostart/"*.xml
        # Domains the copied state may hold belong to the machine, not to the test bed.
        rm -f "$TB_DIR/etc/qemu/"*.xml "$TB_DIR/etc/qemu/autostart/"*.xml

        tb_unset_conf_keys "$TB_DIR/etc/libvirtd.conf" host_uuid log_outputs
        {
            echo "# vireo-testbed host $TB_H"
            echo "host_uuid = \"$(cat /proc/sys/kernel/random/uuid)\""
            echo 'log_outputs = "3:file:/var/log/libvirt/libvirtd.log"'
        } >>"$TB_DIR/etc/libvirtd.conf"

        tb_unset_conf_keys "$TB_DIR/etc/qemu.conf" user group remote_display_port_min \
            remote_display_port_max migration_port_min migration_port_max migration_host migration_address \
            cgroup_controllers
        # QEMU runs as root so that it can open /dev/kvm (crw-rw---- root:kvm).
        cat >>"$TB_DIR/etc/qemu.conf" <<CONF
# vireo-testbed host $TB_H
user = "root"
group = "root"
remote_display_port_min = $TB_VNC_MIN
remote_display_port_max = $TB_VNC_MAX
migration_port_min = $TB_MIG_MIN
migration_port_max = $TB_MIG_MAX
# Both hosts share the machine's cgroup tree: domain cgroups are named machine/qemu-ID-NAME, so
# a domain with the same id and name on A and B (e.g. during a migration) would share one.
cgroup_controllers = [ ]
CONF
        touch "$TB_DIR/prepared"
    fi
    if [[ ! -f "$TB_DIR/ssh/ssh_host_ed25519_key" ]]; then
        ssh-keygen -q -t ed25519 -N '' -C "vireo-testbed-host-$TB_H" -f "$TB_DIR/ssh/ssh_host_ed25519_key"
    fi
    tb_write_if_changed "$TB_DIR/ssh/sshd_config" <<CONF
# sshd of test-bed host $TB_H ($TB_HOSTNAME), written by testbed/start
Port $TB_SSH_PORT
ListenAddress 127.0.0.1
HostKey $TB_DIR/ssh/ssh_host_ed25519_key
PidFile $TB_PIDS/sshd.pid
AuthorizedKeysFile $TB_AUTHORIZED_KEYS
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
PrintLastLog no
MaxStartups 100:30:200
MaxSessions 64
Subsystem sftp internal-sftp
CONF
}

tb_ns() { # runs a command inside the host's namespaces
    local holder
    holder="$(tb_read_pid "$TB_PIDS/holder.pid")"
    nsenter -t "$holder" -m -u -- "$@"
}

# A process that only holds the host's mount + UTS namespace; everything else is entered into it.
tb_start_holder() {
    local pid own_ns
    own_ns="$(tb_mntns_of $$)"
    # Ignore terminal signals: a Ctrl-C on the caller must not take the namespace away.
    ( trap '' INT HUP; exec unshare --mount --uts --propagation private -- sleep infinity ) \
        </dev/null >>"$TB_DIR/logs/holder.log" 2>&1 &
    pid=$!
    # Until unshare has run, the PID still shows our own namespace: never enter it before.
    tb_wait_for 10 "namespace of host $TB_H" \
        bash -c '[[ "$(cat "/proc/$1/comm" 2>/dev/null)" == sleep && "$(readlink "/proc/$1/ns/mnt")" != "$2" ]]' _ "$pid" "$own_ns" \
        || tb_die "could not create the namespace of host $TB_H"
    tb_mntns_of "$pid" >"$TB_PIDS/mntns"
    echo "$pid" >"$TB_PIDS/holder.pid"
    # The host resolves its own name, as a Debian host does through /etc/hosts: libvirtd looks it up on
    # every virConnectGetHostname, and an unresolvable name costs a DNS timeout (5 s) per call.
    { cat /etc/hosts; printf '127.0.1.1 %s\n' "$TB_HOSTNAME"; } >"$TB_DIR/hosts"
    tb_ns bash -euo pipefail -c '
        hostname "$1"; shift
        mount -n --bind "$1/hosts" /etc/hosts
        # A private /run: the machine'"'"'s /run/libvirt and /run/sshd are never used.
        mount -n -t tmpfs -o mode=755,size=16m vireo-testbed-run /run
        mkdir -p /run/libvirt /run/sshd /run/lock
        dir="$1"; shift
        for d in "$@"; do mount -n --bind "$dir/${d%%:*}" "${d#*:}"; done
    ' _ "$TB_HOSTNAME" "$TB_DIR" "${TB_LIBVIRT_DIRS[@]}" || tb_die "could not set up the mounts of host $TB_H"
}

tb_stop_pid() { # PID: TERM, bounded wait, then KILL
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        [[ -d "/proc/$pid" ]] || return 0
        # A zombie child of ours is gone for every purpose but its /proc entry.
        [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" == Z ]] && return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
}

tb_stop_kind() { # KIND
    local kind="$1" pid
    pid="$(tb_read_pid "$TB_PIDS/$kind.pid")"
    if tb_pid_is_ours "$pid" "$(tb_comm_of "$kind")"; then
        tb_log "host $TB_H: stopping $kind (pid $pid)"
        tb_stop_pid "$pid"
    fi
    rm -f "$TB_PIDS/$kind.pid"
}

tb_start_daemons() {
    if ! tb_proc_alive virtlogd; then
        tb_log "host $TB_H: starting virtlogd"
        tb_ns virtlogd -d -p "$TB_PIDS/virtlogd.pid" </dev/null >>"$TB_DIR/logs/virtlogd.out" 2>&1 \
            || tb_die "virtlogd of host $TB_H did not start, see $TB_DIR/logs/virtlogd.out"
    fi
    if tb_proc_alive libvirtd && ! tb_wait_for 10 "libvirtd of host $TB_H" tb_libvirt_answers; then
        tb_log "host $TB_H: libvirtd does not answer, restarting it"
        tb_stop_kind libvirtd
    fi
    if ! tb_proc_alive libvirtd; then
        tb_log "host $TB_H: starting libvirtd ($TB_HOSTNAME)"
        tb_ns libvirtd -d -p "$TB_PIDS/libvirtd.pid" </dev/null >>"$TB_DIR/logs/libvirtd.out" 2>&1 \
            || tb_die "libvirtd of host $TB_H did not start, see $TB_DIR/logs/libvirtd.out and $TB_DIR/log/libvirtd.log"
    fi
    if ! tb_proc_alive sshd; then
        if tb_port_accepts "$TB_SSH_PORT"; then
            tb_die "port 127.0.0.1:$TB_SSH_PORT (sshd of host $TB_H) is taken by another process; set VIREO_TB_${TB_H^^}_SSH_PORT"
        fi
        tb_log "host $TB_H: starting sshd on 127.0.0.1:$TB_SSH_PORT"
        tb_ns /usr/sbin/sshd -t -f "$TB_DIR/ssh/sshd_config" || tb_die "sshd configuration of host $TB_H is invalid"
        tb_ns /usr/sbin/sshd -f "$TB_DIR/ssh/sshd_config" -E "$TB_DIR/logs/sshd.log" </dev/null \
            || tb_die "sshd of host $TB_H did not start, see $TB_DIR/logs/sshd.log"
        tb_wait_for 10 "pid file of sshd of host $TB_H" tb_proc_alive sshd || tb_die "sshd of host $TB_H did not stay up, see $TB_DIR/logs/sshd.log"
    fi
}

# Brings the host up; repairs a partly dead host and leaves a healthy one untouched.
tb_ensure_host() {
    tb_prepare_host
    if ! tb_proc_alive holder; then
        if [[ -f "$TB_PIDS/holder.pid" ]]; then
            tb_log "host $TB_H: namespace is gone, cleaning up what is left of it"
            tb_stop_host
        fi
        tb_log "host $TB_H: creating namespace ($TB_HOSTNAME)"
        tb_start_holder
    fi
    tb_start_daemons
}

tb_qemu_pids() { # PIDs of QEMU processes of the host's domains (libvirt's pid files)
    local f pid
    for f in "$TB_DIR/run/qemu/"*.pid; do
        [[ -f "$f" ]] || continue
        pid="$(tb_read_pid "$f")"
        if tb_pid_is_ours "$pid" qemu-system-x86; then echo "$pid"; fi
    done
}

# Ends exactly what start recorded for the host, domains first. Safe to call twice.
tb_stop_host() {
    local ns="" kind pid name proc holder
    for kind in holder libvirtd virtlogd sshd; do
        if tb_proc_alive "$kind"; then ns="$(cat "$TB_PIDS/mntns")"; fi
    done
    if tb_proc_alive libvirtd && tb_libvirt_answers; then
        while read -r name; do
            [[ -n "$name" ]] || continue
            tb_log "host $TB_H: destroying domain $name"
            tb_virsh destroy "$name" >/dev/null 2>&1 || tb_log "host $TB_H: could not destroy $name"
        done < <(tb_virsh list --name 2>/dev/null || true)
    fi
    for pid in $(tb_qemu_pids); do
        tb_log "host $TB_H: stopping QEMU (pid $pid)"
        tb_stop_pid "$pid"
    done
    tb_stop_kind sshd
    tb_stop_kind libvirtd
    tb_stop_kind virtlogd
    # What is left in the host's private namespace (SSH sessions, their commands) was started
    # through the test bed. Only swept while one of our recorded processes proves it is ours.
    if [[ -n "$ns" ]]; then
        holder="$(tb_read_pid "$TB_PIDS/holder.pid")"
        for proc in /proc/[0-9]*; do
            pid="${proc#/proc/}"
            [[ "$pid" != "$holder" && "$(tb_mntns_of "$pid")" == "$ns" ]] || continue
            tb_log "host $TB_H: stopping leftover process $pid ($(cat "$proc/comm" 2>/dev/null || true))"
            tb_stop_pid "$pid"
        done
    fi
    tb_stop_kind holder
    rm -f "$TB_PIDS/mntns"
}

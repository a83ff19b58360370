package org.vireo.connections.stats;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.libvirt.jna.ConnectionPointer;

/**
 * The libvirt stats calls libvirt-java 0.5.4 does not bind, called through JNA with libvirt-java's own
 * handles. Records from the bulk calls are freed only with {@code virDomainStatsRecordListFree} (never
 * through {@code TypedParameter.fromPointer}, which would free their parameters a second time).
 */
interface StatsNative extends Library {
    StatsNative INSTANCE = Native.load("virt", StatsNative.class);

    int STATS_STATE = 1;
    int STATS_CPU_TOTAL = 2;
    int STATS_BALLOON = 4;
    int STATS_INTERFACE = 16;
    int STATS_BLOCK = 32;
    int GROUPS = STATS_STATE | STATS_CPU_TOTAL | STATS_BALLOON | STATS_INTERFACE | STATS_BLOCK;
    /** VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE: shut-off guests have nothing to measure. */
    int ONLY_ACTIVE = 1;
    /** sizeof(virTypedParameter) on LP64: char field[80]; int type; (pad); 8-byte union. */
    int TYPED_PARAM_SIZE = 96;
    /** sizeof(virNodeCPUStats) and sizeof(virNodeMemoryStats): char field[80]; unsigned long long value. */
    int NODE_PARAM_SIZE = 88;
    int FIELD_LENGTH = 80;
    /** sizeof(virDomainInfo) on LP64 and the offsets read from it. */
    int DOMAIN_INFO_SIZE = 40;
    int DOMAIN_INFO_MEMORY = 16;
    int DOMAIN_INFO_CPU_TIME = 32;

    int virConnectGetAllDomainStats(ConnectionPointer conn, int stats, PointerByReference records, int flags);

    int virDomainListGetStats(Pointer[] domainsNullTerminated, int stats, PointerByReference records, int flags);

    void virDomainStatsRecordListFree(Pointer records);

    int virDomainGetUUIDString(Pointer domain, byte[] buf);

    int virDomainGetInfo(Pointer domain, Pointer info);

    int virNodeGetCPUStats(ConnectionPointer conn, int cpuNum, Pointer params, IntByReference nparams, int flags);

    int virNodeGetMemoryStats(ConnectionPointer conn, int cellNum, Pointer params, IntByReference nparams, int flags);
}

package org.vireo.connections.nodelist;

/**
 * A row as a format reader found it, before options, validation and duplicate checks. Null
 * fields were not given by the row.
 *
 * @param hostSpec {@code [user@]host[:port]} as written, or null when the row gives a full URI
 * @param uri      a full libvirt URI, or null
 * @param error    set when the reader already knows the row is unusable
 */
record Candidate(int line, String raw, String hostSpec, String uri, String user, String port, String driver,
                 String jump, String group, String name, Boolean autoconnect, Boolean readOnly, String error) {

    static Candidate host(int line, String raw, String hostSpec) {
        return new Candidate(line, raw, hostSpec, null, null, null, null, null, null, null, null, null, null);
    }

    static Candidate uri(int line, String raw, String uri) {
        return new Candidate(line, raw, null, uri, null, null, null, null, null, null, null, null, null);
    }

    static Candidate invalid(int line, String raw, String error) {
        return new Candidate(line, raw, null, null, null, null, null, null, null, null, null, null, error);
    }

    Candidate withAutoconnect(Boolean value) {
        return new Candidate(line, raw, hostSpec, uri, user, port, driver, jump, group, name, value, readOnly, error);
    }
}

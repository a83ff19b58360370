package org.vireo.connections.domain;

import org.w3c.dom.Element;

/**
 * One snapshot of a domain, read from its XML.
 *
 * @param parent       the parent snapshot's name, null for a root
 * @param state        the domain's state when taken (running, shutoff, paused, disk-snapshot, …)
 * @param creationTime seconds since the epoch (0 when unknown)
 * @param current      whether it is the domain's current snapshot
 */
public record SnapshotInfo(String name, String description, String state, String parent, long creationTime,
                           boolean current) {

    /** True when the snapshot holds the guest's memory (reverting resumes it where it was). */
    public boolean hasMemory() {
        return "running".equals(state) || "paused".equals(state);
    }

    public static SnapshotInfo parse(String xml, boolean current) throws DomainXmlException {
        Element root = Xml.parse(xml).getDocumentElement();
        if (!"domainsnapshot".equals(Xml.localName(root))) {
            throw new DomainXmlException("the root element is <" + Xml.localName(root) + ">, expected <domainsnapshot>");
        }
        long created;
        try {
            String text = Xml.text(root, "creationTime");
            created = text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            created = 0;
        }
        return new SnapshotInfo(Xml.text(root, "name"), Xml.text(root, "description"), Xml.text(root, "state"),
                Xml.text(root, "parent", "name"), created, current);
    }
}

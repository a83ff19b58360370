package org.vireo.connections.domain;

import org.vireo.resources.LocalizedException;
import org.vireo.resources.Text;

/**
 * Domain or snapshot XML that cannot be read or edited; the message names where ("line 3, column 7: ..."). The
 * parser's own words are kept as they are; our refusals are texts in the user's language.
 */
public class DomainXmlException extends LocalizedException {
    private static final long serialVersionUID = 1L;

    public DomainXmlException(String message, Throwable cause) {
        super(message, Text.verbatim(message), cause);
    }

    public DomainXmlException(String message) {
        this(message, null);
    }

    public DomainXmlException(Text text) {
        super(text, null);
    }
}

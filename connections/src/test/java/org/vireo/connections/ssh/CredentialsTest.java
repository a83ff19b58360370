package org.vireo.connections.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void closeOverwritesSecrets() {
        Credentials c = new Credentials();
        char[] typed = "s3cret".toCharArray();
        c.put("password:x", typed);
        assertArrayEquals("s3cret".toCharArray(), c.get("password:x"));
        c.close();
        assertNull(c.get("password:x"));
        assertEquals(0, c.size());
    }
}

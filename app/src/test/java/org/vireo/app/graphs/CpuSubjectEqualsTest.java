package org.vireo.app.graphs;

import org.junit.jupiter.api.Test;
import org.vireo.app.testsupport.RecordEquality;

/** The CPU cell's value compares exactly its components, though its equals is written out. */
class CpuSubjectEqualsTest {
    @Test
    void comparesEachComponent() {
        RecordEquality.assertFollowsComponents(new TreeStatsColumns.CpuSubject("uuid-1", false, true));
    }
}

package org.vireo.connections.migration;

import java.util.List;
import org.vireo.resources.Text;

/** The pre-checks found reasons not to start; nothing was moved. */
public final class PrecheckFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;
    private final transient List<PrecheckProblem> problems;

    public PrecheckFailedException(String vmName, List<PrecheckProblem> problems) {
        super(Text.of("migration.cannot.prechecks", vmName, reasons(problems)));
        this.problems = List.copyOf(problems);
    }

    public List<PrecheckProblem> problems() {
        return problems;
    }

    /** "first; second; third" in any language. */
    private static Text reasons(List<PrecheckProblem> problems) {
        Text joined = problems.get(problems.size() - 1).text();
        for (int i = problems.size() - 2; i >= 0; i--) {
            joined = Text.of("migration.reasons", problems.get(i).text(), joined);
        }
        return joined;
    }
}

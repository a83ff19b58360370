package org.vireo.connections.migration;

import java.util.List;
import java.util.stream.Collectors;

/** The pre-checks found reasons not to start; nothing was moved. */
public final class PrecheckFailedException extends MigrationException {
    private final List<PrecheckProblem> problems;

    public PrecheckFailedException(String vmName, List<PrecheckProblem> problems) {
        super("Cannot migrate '" + vmName + "': " + problems.stream().map(PrecheckProblem::message)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PrecheckProblem> problems() {
        return problems;
    }
}

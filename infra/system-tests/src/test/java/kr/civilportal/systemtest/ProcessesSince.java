package kr.civilportal.systemtest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes this test JVM started after a point in time: a class's portal, without what ran before it (the
 * Keycloak that classes share, {@link SharedKeycloak}), so that a class can check its portal left nothing behind.
 */
final class ProcessesSince {

    private final Set<Long> before;

    private ProcessesSince(Set<Long> before) {
        this.before = before;
    }

    static ProcessesSince now() {
        return new ProcessesSince(ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(Collectors.toSet()));
    }

    /**
     * Every descendant of this JVM that was not running at {@link #now()}, except the shared Keycloak's: its start
     * script may start its JVM only after {@link #now()}.
     */
    List<ProcessHandle> started() {
        return ProcessHandle.current().descendants()
                .filter(p -> !before.contains(p.pid()) && !SharedKeycloak.runs(p)).toList();
    }

    /** The ones still alive, with their command lines, for an assertion's message. */
    static String stillAlive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("(command line unknown)"))
                .collect(Collectors.joining("; "));
    }
}

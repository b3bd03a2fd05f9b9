package kr.civilportal.common.listen;

import java.util.OptionalInt;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The readiness answer for a PostgreSQL {@code LISTEN} session a replica depends on: UP with the listening
 * backend's pid (so an operator can find it in {@code pg_stat_activity}), DOWN while the session reconnects.
 */
public final class ListeningSessionHealth {

    private ListeningSessionHealth() {
    }

    public static HealthCheckResponse of(String name, OptionalInt listeningBackend) {
        if (listeningBackend.isEmpty()) {
            return HealthCheckResponse.named(name).down().withData("session", "reconnecting").build();
        }
        return HealthCheckResponse.named(name).up().withData("backend-pid", listeningBackend.getAsInt()).build();
    }
}

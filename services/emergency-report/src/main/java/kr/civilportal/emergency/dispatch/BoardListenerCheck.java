package kr.civilportal.emergency.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.listen.ListeningSessionHealth;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the board listener listens. Without it a dispatcher watching this replica's live board would
 * not see the reports other replicas take in; while it reconnects, dispatchers are sent to other replicas.
 */
@Readiness
@ApplicationScoped
public class BoardListenerCheck implements HealthCheck {

    static final String NAME = "Live board listener (PostgreSQL LISTEN " + BoardNotifications.CHANNEL + ")";

    private final BoardListener listener;

    BoardListenerCheck(BoardListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return ListeningSessionHealth.of(NAME, listener.listeningBackend());
    }
}

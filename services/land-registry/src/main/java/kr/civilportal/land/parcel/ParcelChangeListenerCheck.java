package kr.civilportal.land.parcel;

import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.listen.ListeningSessionHealth;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the parcel change listener listens. Without it this replica would not hear other replicas'
 * changes and could serve an owner who is no longer one; while it reconnects, traffic goes to other replicas.
 */
@Readiness
@ApplicationScoped
public class ParcelChangeListenerCheck implements HealthCheck {

    static final String NAME = "Parcel change listener (PostgreSQL LISTEN " + ParcelCache.CHANNEL + ")";

    private final ParcelChangeListener listener;

    ParcelChangeListenerCheck(ParcelChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return ListeningSessionHealth.of(NAME, listener.listeningBackend());
    }
}

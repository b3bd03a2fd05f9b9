package kr.civilportal.gateway.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import kr.civilportal.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * What happened to the services lately, as the gateway saw it: kept in memory (the last
 * {@code portal.gateway.status.incidents-kept}), newest first, for the status page and {@code /api/status}.
 */
@ApplicationScoped
public class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class);

    public enum Kind {
        /** Too many failures: the gateway stopped sending this service requests for a while. */
        CIRCUIT_OPENED,
        /** Trial requests are let through. */
        CIRCUIT_HALF_OPEN,
        CIRCUIT_CLOSED,
        /** A replica failed its readiness probe or refused a connection: taken out of rotation. */
        REPLICA_OUT,
        /** A replica is ready again: back in rotation. */
        REPLICA_IN
    }

    public record Incident(Instant at, String service, Kind kind, String detail) {
    }

    private final int kept;
    private final Deque<Incident> recent = new ArrayDeque<>();

    Incidents(GatewayConfig config) {
        this.kept = config.status().incidentsKept();
    }

    public void record(String service, Kind kind, String detail) {
        Incident incident = new Incident(Instant.now(), service, kind, detail);
        LOG.warnf("%s %s: %s", service, kind, detail);
        synchronized (recent) {
            recent.addFirst(incident);
            while (recent.size() > kept) {
                recent.removeLast();
            }
        }
    }

    public List<Incident> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }
}

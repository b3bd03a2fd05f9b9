package kr.civilportal.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** The outbox on the service's own database, in every service that sets {@code portal.outbox.enabled=true}. */
@ApplicationScoped
@IfBuildProperty(name = "portal.outbox.enabled", stringValue = "true")
public class OutboxWiring {

    @Produces
    @Singleton
    Outbox outbox(DataSource dataSource, ObjectMapper json, OutboxSettings settings) {
        return new Outbox(dataSource, json, settings.topic().orElseThrow(() -> new IllegalStateException(
                "portal.outbox.topic must name the service's topic (e.g. residency.events)")));
    }

    @Produces
    @Singleton
    OutboxRelay relay(DataSource dataSource) {
        return new OutboxRelay(dataSource, Clock.systemUTC());
    }
}

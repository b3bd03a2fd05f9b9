package kr.civilportal.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The Idempotency-Key store on the service's own database (its migrations create {@code idempotency_key}) and its
 * writes, in every service that sets {@code portal.idempotency.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "portal.idempotency.enabled", stringValue = "true")
public class IdempotencyWiring {

    @Produces
    @Singleton
    IdempotencyStore store(DataSource dataSource, IdempotencySettings settings) {
        return new IdempotencyStore(dataSource, Clock.systemUTC(), settings.retention(), settings.maxWait());
    }

    @Produces
    @Singleton
    IdempotentWrites writes(IdempotencyStore store, ObjectMapper json) {
        return new IdempotentWrites(store, json);
    }
}

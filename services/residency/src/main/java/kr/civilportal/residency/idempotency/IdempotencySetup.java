package kr.civilportal.residency.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import kr.civilportal.common.idempotency.IdempotencyStore;
import kr.civilportal.common.idempotency.IdempotentWrites;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Idempotency-Key store on this service's own database (the table is in migration V3), and its writes. */
@ApplicationScoped
public class IdempotencySetup {

    @Produces
    @Singleton
    IdempotencyStore store(DataSource dataSource,
                           @ConfigProperty(name = "portal.residency.idempotency.retention") Duration retention,
                           @ConfigProperty(name = "portal.residency.idempotency.max-wait") Duration maxWait) {
        return new IdempotencyStore(dataSource, Clock.systemUTC(), retention, maxWait);
    }

    @Produces
    @Singleton
    IdempotentWrites writes(IdempotencyStore store, ObjectMapper json) {
        return new IdempotentWrites(store, json);
    }
}

package kr.civilportal.common.migration;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Started only once every Flyway migration of the service's schema is applied: none pending, none failed. Each
 * service migrates at start, so a failed or missing migration means its code and its schema disagree, and no
 * traffic should reach it. Present only in services that migrate a database of their own.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "quarkus.flyway.migrate-at-start", stringValue = "true")
public class MigrationsCheck implements HealthCheck {

    static final String NAME = "Database migrations";

    private final Flyway flyway;

    MigrationsCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        MigrationInfoService info = flyway.info();
        long pending = info.pending().length;
        long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
        MigrationInfo current = info.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(pending == 0 && failed == 0)
                .withData("pending", pending)
                .withData("failed", failed);
        if (current != null && current.getVersion() != null) {
            response.withData("version", current.getVersion().getVersion());
        }
        return response.build();
    }
}

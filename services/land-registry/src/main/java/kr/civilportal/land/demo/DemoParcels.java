package kr.civilportal.land.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo land register ({@code db/demo/parcels.sql}) at start-up, only with
 * {@code portal.land.demo-data=true} (dev and test profiles).
 * <p>
 * Not a Flyway location on purpose: Flyway's locations are fixed when the jar is built, and the launcher runs
 * the one prod-built jar with {@code -Dquarkus.profile=dev}, so a {@code %dev} location would never be seen
 * there. A runtime switch, as residency's demo data has, works for both. The script is idempotent.
 */
@ApplicationScoped
public class DemoParcels {

    static final String SCRIPT = "db/demo/parcels.sql";
    /** Serialises seeding when several replicas start at once. */
    private static final long SEED_LOCK = 0x1A4D0001L;
    private static final Logger LOG = Logger.getLogger(DemoParcels.class);

    private final DataSource dataSource;
    private final boolean enabled;

    DemoParcels(DataSource dataSource, @ConfigProperty(name = "portal.land.demo-data") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seed();
        }
    }

    @Transactional
    void seed() {
        String sql = script();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")");
            // One round trip: the PostgreSQL driver runs the statements of the script in order.
            boolean isResultSet = s.execute(sql);
            int added = 0;
            while (isResultSet || s.getUpdateCount() != -1) {
                if (!isResultSet) {
                    added += s.getUpdateCount();
                }
                isResultSet = s.getMoreResults();
            }
            if (added > 0) {
                LOG.infof("Demo data: added %d rows to the land register", added);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo land register could not be loaded from " + SCRIPT, e);
        }
    }

    private static String script() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

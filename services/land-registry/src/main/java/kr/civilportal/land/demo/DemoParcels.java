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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import kr.civilportal.land.LandRegistrySettings;
import org.jboss.logging.Logger;

/**
 * Loads the demo land register ({@code db/demo/parcels.sql}) at start-up with {@code portal.land.demo-data=true}
 * (dev and test profiles), and the large synthetic one ({@code db/demo/large-seed.sql}, 110,000 parcels) with
 * {@code portal.land.large-seed=true} (benchmarks).
 * <p>
 * Not Flyway locations on purpose: Flyway's locations are fixed when the jar is built, and the launcher runs
 * the one prod-built jar with {@code -Dquarkus.profile=dev}, so a {@code %dev} location would never be seen
 * there. Runtime switches, as residency's demo data has, work for both. The scripts are idempotent.
 */
@ApplicationScoped
public class DemoParcels {

    static final String SCRIPT = "db/demo/parcels.sql";
    static final String LARGE_SCRIPT = "db/demo/large-seed.sql";
    /** The last parcel the large seed generates: present only once a whole run has committed. */
    static final String LARGE_SEED_LAST_PNU = "4311425321210000010";
    /** Serialises seeding when several replicas start at once. */
    private static final long SEED_LOCK = 0x1A4D0001L;
    private static final Logger LOG = Logger.getLogger(DemoParcels.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final boolean large;

    DemoParcels(DataSource dataSource, LandRegistrySettings settings) {
        this.dataSource = dataSource;
        this.enabled = settings.demoData();
        this.large = settings.largeSeed();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled || large) {
            seed();
        }
    }

    @Transactional
    void seed() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")");
            if (enabled) {
                run(s, SCRIPT);
            }
            if (large && !exists(s, LARGE_SEED_LAST_PNU)) {
                long start = System.nanoTime();
                int added = run(s, LARGE_SCRIPT);
                LOG.infof("Large seed: %d rows in %d ms", added, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo land register could not be loaded", e);
        }
    }

    private static int run(Statement s, String script) throws SQLException {
        // One round trip: the PostgreSQL driver runs the statements of the script in order.
        boolean isResultSet = s.execute(script(script));
        int added = 0;
        while (isResultSet || s.getUpdateCount() != -1) {
            if (!isResultSet) {
                added += Math.max(0, s.getUpdateCount());
            }
            isResultSet = s.getMoreResults();
        }
        if (added > 0) {
            LOG.infof("Demo data: added %d rows to the land register from %s", added, script);
        }
        return added;
    }

    private static boolean exists(Statement s, String pnu) throws SQLException {
        // A constant, not input: safe to inline.
        try (ResultSet r = s.executeQuery("SELECT 1 FROM parcel WHERE pnu = '" + pnu + "'")) {
            return r.next();
        }
    }

    private static String script(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

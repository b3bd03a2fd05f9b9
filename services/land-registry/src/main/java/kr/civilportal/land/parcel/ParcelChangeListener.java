package kr.civilportal.land.parcel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import kr.civilportal.land.LandRegistrySettings;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.Pnu;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link ParcelCache#CHANNEL} and drops the parcels other replicas (or this one) changed.
 * <p>
 * A session of its own, outside the connection pool: LISTEN belongs to a session, and a pooled connection
 * would be handed to other work and reset. When the session breaks, notifications may have been lost in
 * between, so after reconnecting the listener drops the whole cache: stale data is never served for longer
 * than a reconnection takes. While it has no session the replica is not ready ({@link ParcelChangeListenerCheck}).
 */
@ApplicationScoped
public class ParcelChangeListener {

    private static final Logger LOG = Logger.getLogger(ParcelChangeListener.class);
    /** How long one wait for notifications lasts; also how quickly a stop is noticed. */
    private static final int POLL_MILLIS = 500;
    /** How the session names itself in pg_stat_activity, so an operator can find (and a test can end) it. */
    static final String APPLICATION_NAME = "parcel-change-listener";

    private final ParcelCache cache;
    private final String url;
    private final String user;
    private final String password;
    private final Duration reconnectBackoff;
    private volatile boolean running;
    /** The backend process of the session while it listens; empty while there is none. */
    private volatile OptionalInt listeningBackend = OptionalInt.empty();
    private volatile Connection session;
    private Thread thread;

    ParcelChangeListener(ParcelCache cache,
                         @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                         LandRegistrySettings settings) {
        this.cache = cache;
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
        this.reconnectBackoff = settings.parcel().changeListener().reconnectBackoff();
    }

    /**
     * The PostgreSQL backend process of the listening session, or empty while the listener has no session (it
     * broke and the listener has not listened again yet): notifications sent meanwhile are not heard.
     */
    public OptionalInt listeningBackend() {
        return listeningBackend;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("parcel-change-listener").start(this::listen);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        closeSession();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                session = c;
                s.execute("LISTEN " + ParcelCache.CHANNEL);
                // Whatever changed while no session listened is unknown: start from an empty cache.
                cache.invalidateAllHere();
                PGConnection pg = c.unwrap(PGConnection.class);
                listeningBackend = OptionalInt.of(pg.getBackendPID());
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            invalidate(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // Not ready from the moment the session broke, through the pause, until it listens again.
                listeningBackend = OptionalInt.empty();
                if (running) {
                    LOG.warnf("Parcel change listener lost its database session (%s); reconnecting", e.getMessage());
                    pause();
                }
            } finally {
                listeningBackend = OptionalInt.empty();
                session = null;
            }
        }
    }

    private void invalidate(String payload) {
        try {
            cache.invalidateHere(Pnu.parse(payload));
        } catch (InvalidPnuException e) {
            LOG.warn("Ignored a parcel change notification that is not a PNU");
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", APPLICATION_NAME);
        // The driver directly, not DriverManager: no dependence on how the application's class loaders are set up.
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL");
        }
        c.setAutoCommit(true);
        return c;
    }

    private void closeSession() {
        Connection c = session;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listener session failed", e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectBackoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

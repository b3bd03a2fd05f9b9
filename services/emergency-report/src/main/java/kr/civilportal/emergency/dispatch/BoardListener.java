package kr.civilportal.emergency.dispatch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.report.EmergencyReports;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on this service's database for {@link BoardNotifications} from every replica and feeds them to this
 * replica's {@link DispatchBoard}, so a dispatcher sees every new report whichever replica took it in.
 *
 * <p>One connection of the pool is held for listening. If it breaks (database restart), the listener
 * reconnects; notifications sent meanwhile are lost to the live feed (the reports are not: a board
 * reconnecting re-reads {@code GET /reports}). While it has no connection the replica is not ready
 * ({@link BoardListenerCheck}).
 */
@ApplicationScoped
public class BoardListener {

    private static final Logger LOG = Logger.getLogger(BoardListener.class);
    private static final int POLL_MILLIS = 1_000;

    private final DataSource dataSource;
    private final EmergencyReports reports;
    private final DispatchBoard board;
    private final Duration reconnectBackoff;
    private final CountDownLatch listening = new CountDownLatch(1);
    /** The backend process of the connection while it listens; empty while there is none. */
    private volatile OptionalInt listeningBackend = OptionalInt.empty();
    private volatile boolean running = true;
    private Thread thread;

    BoardListener(DataSource dataSource, EmergencyReports reports, DispatchBoard board,
                  EmergencyReportSettings settings) {
        this.dataSource = dataSource;
        this.reports = reports;
        this.board = board;
        this.reconnectBackoff = settings.dispatch().listener().reconnectBackoff();
    }

    /**
     * The PostgreSQL backend process of the listening connection, or empty while the listener has none (it broke
     * and the listener has not listened again yet): reports taken in meanwhile do not reach the live feed.
     */
    public OptionalInt listeningBackend() {
        return listeningBackend;
    }

    /** Starts listening before the service takes requests, so no report committed after start-up is missed. */
    void onStart(@Observes StartupEvent event) throws InterruptedException {
        thread = Thread.ofPlatform().daemon().name("board-listener").start(this::run);
        if (!listening.await(60, TimeUnit.SECONDS)) {
            LOG.error("The board listener is not listening yet; the live board may miss reports until it is");
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + BoardNotifications.CHANNEL);
                }
                listeningBackend = OptionalInt.of(pg.getBackendPID());
                listening.countDown();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listeningBackend = OptionalInt.empty();
                if (running) {
                    LOG.warnf("Board listener lost its connection (%s); reconnecting", e.getMessage());
                    try {
                        Thread.sleep(reconnectBackoff);   // back off so a database that is down is not hammered
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void deliver(String payload) {
        int colon = payload.indexOf(':');
        String name = payload.substring(0, colon);
        UUID id = UUID.fromString(payload.substring(colon + 1));
        try {
            board.deliver(new BoardEvent(name, QuarkusTransaction.requiringNew().call(() -> reports.one(id))));
        } catch (ProblemException e) {
            LOG.warnf("Board: report %s of a notification is not there", id);
        }
    }
}

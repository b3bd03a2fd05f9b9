package kr.civilportal.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its relay against a real PostgreSQL (zonky, no Docker), with the DDL exactly as shipped; the broker
 * is a recording publisher here (the relay's logic), Kafka itself in the system test.
 */
class OutboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        try (InputStream ddl = Outbox.class.getResourceAsStream("outbox_event.sql");
             Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM outbox_event");
        }
    }

    /** A publisher that acknowledges everything, or fails at the event with the given index of each batch. */
    static final class Recording implements EventPublisher {
        final List<PendingEvent> published = new ArrayList<>();
        int failAt = -1;

        @Override
        public Outcome publish(List<PendingEvent> events) {
            int ok = failAt < 0 ? events.size() : Math.min(failAt, events.size());
            published.addAll(events.subList(0, ok));
            return ok == events.size() ? Outcome.all(ok) : new Outcome(ok, "TimeoutException: broker away");
        }

        @Override
        public void close() {
        }
    }

    private static DomainEvent event(String type, String petition) {
        return DomainEvent.now(CLOCK, "residency", type, petition, List.of(UUID.randomUUID()),
                Map.of("reference", petition.substring(0, 8)));
    }

    /** Writes the events in one transaction, committed or rolled back, as a service's change would. */
    private static void inTransaction(boolean commit, DomainEvent... events) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            Outbox outbox = new Outbox(single(c), JSON, "residency.events");
            for (DomainEvent e : events) {
                outbox.record(e);
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    private static OutboxRelay relay() {
        return new OutboxRelay(postgres.getPostgresDatabase(), CLOCK);
    }

    @Test
    void committedEventsArePublishedOnceInTheOrderTheyHappened() throws Exception {
        String petition = UUID.randomUUID().toString();
        DomainEvent received = event("residency.move-in.received", petition);
        DomainEvent approved = event("residency.move-in.approved", petition);
        inTransaction(true, received);
        inTransaction(true, approved);
        Recording broker = new Recording();

        OutboxRelay.Round round = relay().relayOnce(broker, 100);

        assertEquals(2, round.published());
        assertEquals(List.of(received.eventId(), approved.eventId()),
                broker.published.stream().map(EventPublisher.PendingEvent::eventId).toList());
        EventPublisher.PendingEvent first = broker.published.get(0);
        assertEquals("residency.events", first.topic());
        assertEquals(petition, first.key(), "a petition's events share a key, so a partition, so their order");
        JsonNode envelope = JSON.readTree(first.payload());
        assertEquals(received.eventId().toString(), envelope.get("eventId").asText());
        assertEquals("residency.move-in.received", envelope.get("type").asText());
        assertEquals(1, envelope.get("version").asInt());
        assertEquals(petition.substring(0, 8), envelope.get("data").get("reference").asText());
        assertEquals(0, relay().relayOnce(broker, 100).published(), "published events are not sent again");
        assertEquals(0, relay().waiting());
    }

    @Test
    void aChangeRolledBackLeavesNoEvent() throws Exception {
        inTransaction(false, event("residency.move-in.approved", UUID.randomUUID().toString()));
        Recording broker = new Recording();

        assertEquals(0, relay().relayOnce(broker, 100).published());
        assertTrue(broker.published.isEmpty());
    }

    @Test
    void anEventOutsideATransactionIsRefused() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            Outbox outbox = new Outbox(single(c), JSON, "residency.events");
            assertThrows(IllegalStateException.class,
                    () -> outbox.record(event("residency.move-in.approved", UUID.randomUUID().toString())));
        }
        assertEquals(0, relay().waiting());
    }

    @Test
    void aFailedEventAndThoseAfterItWaitForTheNextRoundInOrder() throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(event("residency.move-in.received", UUID.randomUUID().toString()));
        }
        inTransaction(true, events.toArray(DomainEvent[]::new));
        Recording broker = new Recording();
        broker.failAt = 1;

        OutboxRelay.Round failed = relay().relayOnce(broker, 100);

        assertEquals(1, failed.published());
        assertTrue(failed.failed());
        assertEquals(3, relay().waiting());
        assertEquals(1, attemptsOf(events.get(1).eventId()), "the failed event counts its attempt");
        assertEquals(0, attemptsOf(events.get(2).eventId()), "those after it were not tried");

        broker.failAt = -1;
        assertEquals(3, relay().relayOnce(broker, 100).published());
        assertEquals(events.stream().map(DomainEvent::eventId).toList(),
                broker.published.stream().map(EventPublisher.PendingEvent::eventId).toList());
        assertEquals(0, relay().waiting());
    }

    @Test
    void oneReplicaRelaysAtATime() throws Exception {
        inTransaction(true, event("residency.move-in.received", UUID.randomUUID().toString()));
        try (Connection other = postgres.getPostgresDatabase().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                s.setLong(1, OutboxRelay.RELAY_LOCK);
                s.execute();
            }
            Recording broker = new Recording();

            OutboxRelay.Round round = relay().relayOnce(broker, 100);

            assertTrue(round.busy());
            assertTrue(broker.published.isEmpty());
            other.rollback();
        }
        assertEquals(1, relay().relayOnce(new Recording(), 100).published(), "its turn comes when the other is done");
    }

    @Test
    void publishedEventsArePurgedAfterTheirKeepingTime() throws Exception {
        inTransaction(true, event("residency.move-in.received", UUID.randomUUID().toString()));
        inTransaction(true, event("residency.move-in.received", UUID.randomUUID().toString()));
        Recording broker = new Recording();
        broker.failAt = 1;
        relay().relayOnce(broker, 100);

        assertEquals(0, relay().purgePublishedBefore(CLOCK.instant(), 100), "published just now: kept");
        assertEquals(1, relay().purgePublishedBefore(CLOCK.instant().plusSeconds(1), 100));
        assertEquals(1, relay().waiting(), "an event not yet published is never purged");
    }

    private static int attemptsOf(UUID eventId) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT attempts FROM outbox_event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A DataSource that hands out the one connection of the test's transaction, as JTA enlistment would. */
    private static DataSource single(Connection c) {
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return unclosable(c);
            }

            @Override
            public Connection getConnection(String user, String password) {
                return unclosable(c);
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) {
                return null;
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    private static Connection unclosable(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(OutboxTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> "close".equals(method.getName())
                        ? null : method.invoke(c, args));
    }
}

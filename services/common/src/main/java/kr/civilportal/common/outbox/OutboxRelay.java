package kr.civilportal.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Publishes the outbox's events in the order they were written, and marks them published: at least once, since a
 * crash between the broker's acknowledgement and the commit publishes them again (consumers de-duplicate by event
 * id).
 *
 * <p>One replica relays at a time (a transaction-scoped advisory lock; the others skip their round), so that two
 * replicas never publish a petition's events out of order. A failed event stops the round: it and everything after
 * it stay for the next round, in order.
 */
public final class OutboxRelay {

    /** The advisory lock key of the relay: arbitrary, the same in every replica of a service (own database). */
    static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"
    private static final int MAX_ERROR_LENGTH = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public OutboxRelay(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one round did. {@code busy}: another replica was relaying, nothing was read. */
    public record Round(int published, String failure, boolean busy) {

        public boolean failed() {
            return failure != null;
        }
    }

    /** Publishes up to {@code batch} waiting events through {@code publisher}, in one transaction. */
    public Round relayOnce(EventPublisher publisher, int batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Round round = relay(c, publisher, batch);
                c.commit();
                return round;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Round relay(Connection c, EventPublisher publisher, int batch) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new Round(0, null, true);
                }
            }
        }
        List<EventPublisher.PendingEvent> waiting = waiting(c, batch);
        if (waiting.isEmpty()) {
            return new Round(0, null, false);
        }
        EventPublisher.Outcome outcome = publisher.publish(waiting);
        List<Long> done = waiting.subList(0, outcome.acknowledged()).stream()
                .map(EventPublisher.PendingEvent::position).toList();
        if (!done.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox_event SET published_at = ? WHERE position = ANY (?)")) {
                Array positions = c.createArrayOf("bigint", done.toArray());
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setArray(2, positions);
                s.executeUpdate();
            }
        }
        if (outcome.failed() && outcome.acknowledged() < waiting.size()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE position = ?")) {
                s.setString(1, truncated(outcome.failure()));
                s.setLong(2, waiting.get(outcome.acknowledged()).position());
                s.executeUpdate();
            }
        }
        return new Round(done.size(), outcome.failure(), false);
    }

    private static List<EventPublisher.PendingEvent> waiting(Connection c, int batch) throws SQLException {
        List<EventPublisher.PendingEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT position, event_id, topic, event_key, event_type, CAST(payload AS text)
                FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?""")) {
            s.setInt(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new EventPublisher.PendingEvent(rs.getLong(1), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return events;
    }

    /** Events not yet published (what operators watch: it grows while Kafka is away). */
    public long waiting() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes up to {@code batch} events published before {@code cutoff}; returns how many. */
    public int purgePublishedBefore(Instant cutoff, int batch) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     DELETE FROM outbox_event WHERE position IN (
                         SELECT position FROM outbox_event WHERE published_at < ? ORDER BY published_at LIMIT ?)""")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            s.setInt(2, batch);
            return s.executeUpdate();
        }
    }

    private static String truncated(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}

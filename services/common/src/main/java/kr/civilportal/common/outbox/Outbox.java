package kr.civilportal.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes domain events into the service's own {@code outbox_event} table, inside the caller's transaction: the
 * event commits with the change it tells of, or not at all. {@link OutboxRelay} takes it from there.
 *
 * <p>A plain class on the service's {@code DataSource}, like the idempotency store: within a JTA transaction the
 * connection is the one the business write uses.
 */
public final class Outbox {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String topic;

    /** @param topic the service's topic (e.g. {@code residency.events}): every event of a service goes there */
    public Outbox(DataSource dataSource, ObjectMapper json, String topic) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.json = Objects.requireNonNull(json, "json");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Records the event for publication under its subject as key (a petition's events then stay in one partition,
     * in order).
     *
     * @throws IllegalStateException outside a transaction, where the event could outlive a change rolled back
     */
    public void record(DomainEvent event) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + event, e);
        }
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                throw new IllegalStateException("Outbox.record must run inside the transaction of the change");
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, occurred_at)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)""")) {
                s.setObject(1, event.eventId());
                s.setString(2, topic);
                s.setString(3, event.subject());
                s.setString(4, event.type());
                s.setString(5, new String(payload, java.nio.charset.StandardCharsets.UTF_8));
                s.setTimestamp(6, Timestamp.from(event.occurredAt()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record event " + event, e);
        }
    }
}

package kr.civilportal.gateway.relay;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import kr.civilportal.gateway.relay.HeldReport.State;
import org.jboss.logging.Logger;

/**
 * The gateway's journal of held 119 reports (table {@code held_report}, its own database). Plain JDBC: each
 * method is one short transaction, and the forwarder's claim needs {@code FOR UPDATE SKIP LOCKED}, so that
 * several gateway replicas forwarding at once never send the same report side by side.
 */
@ApplicationScoped
public class RelayJournal {

    private static final Logger LOG = Logger.getLogger(RelayJournal.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_ERROR = 500;

    private final AgroalDataSource dataSource;
    private final RelayCipher cipher;

    RelayJournal(AgroalDataSource dataSource, RelayConfig config) {
        this.dataSource = dataSource;
        this.cipher = RelayCipher.fromConfig(config.encryption().activeKeyId(), config.encryption().keys());
    }

    /** What the reporter gets: the id and the token to follow it (shown once, only its hash is kept). */
    public record Receipt(UUID id, String token, Instant receivedAt) {
    }

    /** The stored request, as the forwarder re-sends it. */
    public record Stored(UUID id, String idempotencyKey, String contentType, byte[] body, String clientAddress,
                         String host, int attempts, Instant receivedAt) {
    }

    /** Stores a report in one committed row; returns only once the commit is done. */
    public Receipt hold(String idempotencyKey, boolean keyGenerated, String contentType, Buffer body,
                        String clientAddress, String host) {
        UUID id = UUID.randomUUID();
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        String tokenText = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO held_report (id, token_hash, received_at, idempotency_key, key_generated,
                         content_type, body, body_bytes, client_address, forwarded_host, state, attempts,
                         next_attempt_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'HELD', 0, ?)""")) {
            s.setObject(1, id);
            s.setBytes(2, sha256(tokenText));
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, idempotencyKey);
            s.setBoolean(5, keyGenerated);
            s.setString(6, contentType);
            s.setBytes(7, cipher.encrypt(body.getBytes(), id));
            s.setLong(8, body.length());
            s.setBytes(9, clientAddress == null ? null
                    : cipher.encrypt(clientAddress.getBytes(StandardCharsets.UTF_8), id));
            s.setString(10, host);
            s.setTimestamp(11, Timestamp.from(now));
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold a 119 report", e);
        }
        return new Receipt(id, tokenText, now);
    }

    /** The held report, if the token is its own; a wrong token and an unknown id look the same. */
    public Optional<HeldReport> find(UUID id, String token) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT token_hash, received_at, idempotency_key, state, attempts, delivered_at, service_status,
                            service_location, service_body
                     FROM held_report WHERE id = ?""")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || token == null || !MessageDigest.isEqual(r.getBytes(1), sha256(token))) {
                    return Optional.empty();
                }
                byte[] serviceBody = r.getBytes(9);
                return Optional.of(new HeldReport(id, r.getTimestamp(2).toInstant(), r.getString(3),
                        State.valueOf(r.getString(4)), r.getInt(5),
                        r.getTimestamp(6) == null ? null : r.getTimestamp(6).toInstant(),
                        (Integer) r.getObject(7), r.getString(8),
                        serviceBody == null ? null : cipher.decrypt(serviceBody, id)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a held report", e);
        }
    }

    /** How {@link #forwardOldest} ended. */
    public enum Pass {
        /** Nothing was due (or every due report is being forwarded by another gateway right now). */
        NOTHING_DUE,
        /** One report was delivered, refused for good, or put back for later. */
        DONE,
        /** The service is not there: stop for now. */
        SERVICE_UNREACHABLE
    }

    /**
     * Locks the oldest due held report (skipping any another gateway has locked), hands it to {@code send}
     * while the lock is held, and records the outcome in the same transaction. A crash in between leaves the
     * row HELD: it is sent again with the same Idempotency-Key and the service answers with its first receipt.
     */
    public Pass forwardOldest(Function<Stored, Attempt> send, Duration backoff) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Pass pass = forwardOldest(c, send, backoff);
                c.commit();
                return pass;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forward held reports", e);
        }
    }

    private Pass forwardOldest(Connection c, Function<Stored, Attempt> send, Duration backoff) throws SQLException {
        Stored stored;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, idempotency_key, content_type, body, client_address, forwarded_host, attempts, received_at
                FROM held_report
                WHERE state = 'HELD' AND next_attempt_at <= now()
                ORDER BY received_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED""");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Pass.NOTHING_DUE;
            }
            UUID id = r.getObject(1, UUID.class);
            byte[] address = r.getBytes(5);
            stored = new Stored(id, r.getString(2), r.getString(3), cipher.decrypt(r.getBytes(4), id),
                    address == null ? null : new String(cipher.decrypt(address, id), StandardCharsets.UTF_8),
                    r.getString(6), r.getInt(7), r.getTimestamp(8).toInstant());
        }
        Attempt attempt = send.apply(stored);
        switch (attempt.disposition()) {
            case DELIVERED -> {
                Attempt.Answered a = (Attempt.Answered) attempt;
                record(c, stored.id(), State.DELIVERED, a, null, null);
                LOG.infof("Held 119 report %s delivered to the service after %d earlier attempt(s): %d%s",
                        stored.id(), stored.attempts(), a.status(),
                        "true".equals(a.headers().get("Idempotent-Replayed")) ? " (replayed: taken earlier)" : "");
                return Pass.DONE;
            }
            case FAILED -> {
                Attempt.Answered a = (Attempt.Answered) attempt;
                record(c, stored.id(), State.FAILED, a, null, null);
                LOG.errorf("HELD 119 REPORT REFUSED BY THE SERVICE: %s (received %s, Idempotency-Key %s) got %d. "
                                + "It is kept in the gateway's held_report table, state FAILED: a person must look at it.",
                        stored.id(), stored.receivedAt(), stored.idempotencyKey(), a.status());
                return Pass.DONE;
            }
            case RETRY -> {
                Attempt.Answered a = (Attempt.Answered) attempt;
                record(c, stored.id(), State.HELD, null, "service answered " + a.status(), backoff);
                LOG.warnf("Held 119 report %s: the service answered %d; trying again in %d s", stored.id(),
                        a.status(), backoff.toSeconds());
                return Pass.DONE;
            }
            default -> {
                String reason = attempt instanceof Attempt.Unreachable u ? u.reason()
                        : "service answered " + ((Attempt.Answered) attempt).status();
                record(c, stored.id(), State.HELD, null, reason, Duration.ZERO);
                LOG.infof("Held 119 report %s not delivered yet: %s", stored.id(), reason);
                return Pass.SERVICE_UNREACHABLE;
            }
        }
    }

    private void record(Connection c, UUID id, State state, Attempt.Answered answer, String error, Duration retryIn)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE held_report SET state = ?, attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => ?),
                    delivered_at = CASE WHEN ? THEN now() ELSE delivered_at END,
                    service_status = coalesce(?, service_status),
                    service_location = coalesce(?, service_location),
                    service_body = coalesce(?, service_body),
                    body = CASE WHEN ? THEN NULL ELSE body END
                WHERE id = ?""")) {
            boolean delivered = state == State.DELIVERED;
            s.setString(1, state.name());
            s.setString(2, error == null ? null : error.substring(0, Math.min(MAX_ERROR, error.length())));
            s.setDouble(3, retryIn == null ? 0 : retryIn.toMillis() / 1000.0);
            s.setBoolean(4, delivered);
            s.setObject(5, answer == null ? null : answer.status(), java.sql.Types.INTEGER);
            s.setString(6, answer == null ? null : answer.headers().get("Location"));
            s.setBytes(7, answer == null ? null : cipher.encrypt(answer.body().getBytes(), id));
            // Once the service has the report, the personal data in it lives there only.
            s.setBoolean(8, delivered);
            s.setObject(9, id);
            s.executeUpdate();
        }
    }

    /** Held reports by state, for the metrics. */
    public long count(State state) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM held_report WHERE state = ?")) {
            s.setString(1, state.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("Could not count held reports: %s", e.toString());
            return -1;
        }
    }

    static MultiMap headersFor(Stored stored) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        h.set("Content-Type", stored.contentType());
        h.set("Idempotency-Key", stored.idempotencyKey());
        h.set(RelayRoutes.RELAY_ID_HEADER, stored.id().toString());
        if (stored.clientAddress() != null) {
            h.set("X-Forwarded-For", stored.clientAddress());
        }
        if (stored.host() != null) {
            h.set("X-Forwarded-Host", stored.host());
        }
        h.set("X-Forwarded-Proto", "http");
        return h;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

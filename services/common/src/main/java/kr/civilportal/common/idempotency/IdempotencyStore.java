package kr.civilportal.common.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Keyed requests against the service's own {@code idempotency_key} table (DDL in {@code package-info}).
 *
 * <p>A plain class, not a bean, so that modules without a database (the gateway) can depend on this package:
 * a service builds one in a producer from its {@code DataSource}. Every call must run inside the caller's
 * transaction (e.g. a {@code @Transactional} method): the lock, the business write and the stored response
 * then share one connection and one commit.
 */
public final class IdempotencyStore {

    /** The draft's floor: keys are kept at least 24 hours. */
    public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
    private static final String LOCK_TIMEOUT_EXCEEDED = "55P03";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;
    private final Duration maxWait;

    /**
     * @param retention how long a key is remembered, at least {@link #MINIMUM_RETENTION}
     * @param maxWait   under {@link InProgressPolicy#WAIT}, how long a repeat waits for the first before
     *                  it gets the 409 after all (a first request that hangs must not pile up waiters forever)
     */
    public IdempotencyStore(DataSource dataSource, Clock clock, Duration retention, Duration maxWait) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("Idempotency keys must be kept at least 24 hours");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("The wait for an in-progress request must be positive");
        }
        this.retention = retention;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code action} once per (scope, key): the first time it runs and its response is stored in the
     * same transaction; a repeat with the same fingerprint gets that response back as a replay and runs
     * nothing; a repeat with another fingerprint gets a 422 problem; a repeat while the first still runs gets
     * a 409 problem or waits, as {@code policy} says.
     *
     * @throws kr.civilportal.common.problem.ProblemException 409 or 422 as above
     * @throws IllegalStateException when called outside a transaction
     */
    public IdempotentResponse execute(String scope, IdempotencyKey key, String fingerprint, InProgressPolicy policy,
                                      Supplier<StoredResponse> action) {
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                // Outside a transaction the lock would be released at once and the write not bound to the answer.
                throw new IllegalStateException("IdempotencyStore.execute must run inside a transaction");
            }
            lock(c, scope, key, policy);
            Instant now = clock.instant();
            Stored stored = find(c, scope, key, now);
            if (stored != null) {
                if (!stored.fingerprint().equals(fingerprint)) {
                    throw IdempotencyProblems.reused();
                }
                return new IdempotentResponse(stored.response(), true);
            }
            StoredResponse response = Objects.requireNonNull(action.get(), "the action's response");
            insert(c, scope, key, fingerprint, response, now);
            return new IdempotentResponse(response, false);
        } catch (SQLException e) {
            if (LOCK_TIMEOUT_EXCEEDED.equals(e.getSQLState())) {
                throw IdempotencyProblems.inProgress();
            }
            throw new IllegalStateException("The idempotency record could not be read or written", e);
        }
    }

    /**
     * Deletes expired keys in batches of at most {@code batchSize} rows, each its own short statement (autocommit),
     * so a purge after a rush never holds locks on a large set at once; returns how many in all. Only keys past
     * their {@code expires_at} (at least 24 hours after they were stored) go. Safe on every replica at once.
     */
    public long purgeExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be positive");
        }
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     DELETE FROM idempotency_key WHERE ctid IN (
                         SELECT ctid FROM idempotency_key WHERE expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)""")) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            int deleted;
            do {
                s.setObject(1, now);
                s.setInt(2, batchSize);
                deleted = s.executeUpdate();
                total += deleted;
            } while (deleted == batchSize);
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("Expired idempotency keys could not be purged", e);
        }
    }

    /**
     * The in-progress state: a transaction-scoped advisory lock on (scope, key). Held by the first request
     * until it commits or rolls back, so a crash can never leave it behind.
     */
    private void lock(Connection c, String scope, IdempotencyKey key, InProgressPolicy policy) throws SQLException {
        long lockId = lockId(scope, key);
        if (policy == InProgressPolicy.REJECT) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                s.setLong(1, lockId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        throw IdempotencyProblems.inProgress();
                    }
                }
            }
            return;
        }
        String previous;
        try (PreparedStatement s = c.prepareStatement("SELECT current_setting('lock_timeout')");
             ResultSet r = s.executeQuery()) {
            r.next();
            previous = r.getString(1);
        }
        setLockTimeout(c, maxWait.toMillis() + "ms");
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, lockId);
            s.execute();
        }
        // Only the wait is bounded; the business writes that follow keep the session's setting.
        setLockTimeout(c, previous);
    }

    private static void setLockTimeout(Connection c, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            s.setString(1, value);
            s.execute();
        }
    }

    private Stored find(Connection c, String scope, IdempotencyKey key, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT request_fingerprint, response_status, response_type, response_location, response_body
                FROM idempotency_key WHERE scope = ? AND idempotency_key = ? AND expires_at > ?""")) {
            s.setString(1, scope);
            s.setString(2, key.value());
            s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new Stored(r.getString(1), new StoredResponse(r.getInt(2), r.getString(3), r.getString(4),
                        r.getBytes(5)));
            }
        }
    }

    private void insert(Connection c, String scope, IdempotencyKey key, String fingerprint, StoredResponse response,
                        Instant now) throws SQLException {
        // Under the lock, a row that is still there has expired (find() saw none): it is replaced.
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO idempotency_key (scope, idempotency_key, request_fingerprint, response_status,
                    response_type, response_location, response_body, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, idempotency_key) DO UPDATE SET
                    request_fingerprint = EXCLUDED.request_fingerprint, response_status = EXCLUDED.response_status,
                    response_type = EXCLUDED.response_type, response_location = EXCLUDED.response_location,
                    response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at,
                    expires_at = EXCLUDED.expires_at""")) {
            s.setString(1, scope);
            s.setString(2, key.value());
            s.setString(3, fingerprint);
            s.setInt(4, response.status());
            s.setString(5, response.contentType());
            s.setString(6, response.location());
            s.setBytes(7, response.body());
            s.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setObject(9, OffsetDateTime.ofInstant(now.plus(retention), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** 64 bits of SHA-256 over scope and key: a collision would only make two keys wait for each other. */
    static long lockId(String scope, IdempotencyKey key) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("idempotency".getBytes(StandardCharsets.US_ASCII));
            d.update((byte) 0);
            d.update(scope.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(key.value().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(d.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String fingerprint, StoredResponse response) {
    }
}

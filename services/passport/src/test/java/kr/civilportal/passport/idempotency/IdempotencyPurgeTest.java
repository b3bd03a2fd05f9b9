package kr.civilportal.passport.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.idempotency.IdempotencyPurge;
import org.junit.jupiter.api.Test;

/** The scheduled purge on passport's own table: expired keys go, keys within their 24 hours stay. */
@QuarkusTest
class IdempotencyPurgeTest {

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    @Test
    void expiredKeysArePurgedAndLiveOnesKept() throws SQLException {
        String expired = "expired-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        insert(expired, "now() - interval '49 hours'", "now() - interval '1 hour'");
        insert(live, "now() - interval '1 hour'", "now() + interval '24 hours'");
        assertTrue(purge.purge() >= 1);
        assertEquals(0, count(expired));
        assertEquals(1, count(live));
    }

    private void insert(String key, String created, String expires) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO idempotency_key (scope, idempotency_key, request_fingerprint, response_status,
                    response_body, created_at, expires_at)
                VALUES ('sub:purge-test', ?, repeat('0', 64), 201, '\\x'::bytea, %s, %s)""".formatted(created, expires))) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    private long count(String key) throws SQLException {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

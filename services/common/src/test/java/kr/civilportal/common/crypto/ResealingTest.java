package kr.civilportal.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The re-sealing loop on a real PostgreSQL: every value under the old key ends under the new one and opens to the
 * same plain value; a row another transaction holds is skipped and taken at the next round; a batch that fails
 * half-way changes nothing.
 */
class ResealingTest {

    static final Resealing.SealedColumn COLUMN = new Resealing.SealedColumn("sealed_value", "id", "key_id", "sealed");
    static final AtRestCipher OLD = new AtRestCipher("old", Map.of("old", key(1)));
    static final AtRestCipher ROTATED = new AtRestCipher("new", Map.of("old", key(1), "new", key(2)));

    static EmbeddedPostgres postgres;
    static DataSource db;

    final ResealProgress progress = new ResealProgress(new SimpleMeterRegistry(), "test/value");

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        db = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void sevenValuesUnderTheOldKey() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS sealed_value");
            s.execute("CREATE TABLE sealed_value (id uuid PRIMARY KEY, key_id varchar(40), sealed bytea, plain text)");
        }
        for (int i = 0; i < 7; i++) {
            UUID id = UUID.randomUUID();
            String plain = "010-5555-000" + i;
            AtRestCipher.Sealed sealed = OLD.seal(plain.getBytes(StandardCharsets.UTF_8), ad(id));
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sealed_value VALUES (?, ?, ?, ?)")) {
                s.setObject(1, id);
                s.setString(2, sealed.keyId());
                s.setBytes(3, sealed.ivAndCiphertext());
                s.setString(4, plain);
                s.executeUpdate();
            }
        }
    }

    Resealing resealing(Resealing.Reseal reseal) {
        return new Resealing(db, COLUMN, ROTATED.activeKeyId(), 3, progress, reseal);
    }

    static AtRestCipher.Sealed rotate(String keyId, byte[] ciphertext, Object id) {
        return ROTATED.seal(ROTATED.open(keyId, ciphertext, ad(id)), ad(id));
    }

    @Test
    void everyValueEndsUnderTheActiveKeyAndOpensToTheSameValue() throws SQLException {
        assertEquals(7, resealing(ResealingTest::rotate).resealAll());

        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, key_id, sealed, plain FROM sealed_value")) {
            while (r.next()) {
                assertEquals("new", r.getString(2));
                assertArrayEquals(r.getString(4).getBytes(StandardCharsets.UTF_8),
                        ROTATED.open(r.getString(2), r.getBytes(3), ad(r.getObject(1))));
            }
        }
        assertEquals(7.0, progress.resealedSoFar());
        assertEquals(0, progress.remainingAtLastCount());
        assertEquals(0, resealing(ResealingTest::rotate).resealAll(), "a second round finds nothing");
    }

    @Test
    void aRowAnotherTransactionHoldsIsLeftForTheNextRound() throws SQLException {
        try (Connection writer = db.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeQuery("SELECT id FROM sealed_value ORDER BY id LIMIT 1 FOR UPDATE").close();
            }
            assertEquals(6, resealing(ResealingTest::rotate).resealAll());
            assertEquals(1, progress.remainingAtLastCount());
            writer.commit();
        }
        assertEquals(1, resealing(ResealingTest::rotate).resealAll());
        assertEquals(0, progress.remainingAtLastCount());
    }

    @Test
    void aBatchThatFailsHalfWayChangesNothingOfIt() throws SQLException {
        int[] calls = {0};
        assertThrows(IllegalStateException.class, () -> resealing((keyId, ciphertext, id) -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("the key store did not answer");
            }
            return rotate(keyId, ciphertext, id);
        }).resealAll());

        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sealed_value WHERE key_id = 'old'")) {
            r.next();
            assertEquals(7, r.getInt(1));
        }
    }

    @Test
    void anIdentifierThatIsNotPlainIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Resealing.SealedColumn("resident; DROP TABLE resident", "id", "key_id", "sealed"));
    }

    static byte[] ad(Object id) {
        return id.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}

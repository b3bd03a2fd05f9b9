package kr.civilportal.residency.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import kr.civilportal.common.crypto.ResealProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the resident registration numbers' key on the real database: numbers sealed under the development
 * key (as the service seals them), a key ring with a new active key, the job run; every seeded number is then under
 * the new key, reads back the same, and is still found by its look-up hash, which does not rotate.
 */
@QuarkusTest
class RrnResealingTest {

    private static final String OLD_ID = "dev-2026";
    private static final String OLD_KEY = "q7m4Jd6l7Q8bq0nVd3Xb1r9cXw2Y5tZ8pL0sF4gH6jk=";
    private static final String NEW_ID = "rotated-2027";
    private static final String NEW_KEY = "E4Cj2leSNqLsketsce7QdErZVkOk22XhExbjVpIL7rc=";
    private static final String LOOKUP_KEY = "Wm9u2f8xT3k6Qp1vB7nR4sY0cL5dH9gJ2aE6uK8oI1M=";

    @Inject
    DataSource dataSource;
    @Inject
    RrnCipher serviceCipher;

    final UUID household = UUID.randomUUID();

    @AfterEach
    void removeSeededRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement r = c.prepareStatement("DELETE FROM resident WHERE household_id = ?");
             PreparedStatement h = c.prepareStatement("DELETE FROM household WHERE id = ?")) {
            r.setObject(1, household);
            r.executeUpdate();
            h.setObject(1, household);
            h.executeUpdate();
        }
    }

    @Test
    void numbersUnderTheOldKeyAreResealedUnderTheNewOneAndStillReadAndFindTheSame() throws SQLException {
        RrnCipher rotated = new RrnCipher(NEW_ID, Map.of(OLD_ID, Base64.getDecoder().decode(OLD_KEY),
                NEW_ID, Base64.getDecoder().decode(NEW_KEY)), Base64.getDecoder().decode(LOOKUP_KEY));
        List<UUID> ids = new ArrayList<>();
        List<ResidentRegistrationNumber> numbers = new ArrayList<>();
        insertHousehold();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            // Born after 2020-10-05: no check digit, so any six back digits make a valid number.
            ResidentRegistrationNumber rrn = ResidentRegistrationNumber.parse(
                    "210101-3" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
            insertResident(id, serviceCipher.encrypt(rrn, id.toString()));
            ids.add(id);
            numbers.add(rrn);
        }
        ResealProgress progress = new ResealProgress(new SimpleMeterRegistry(), RrnResealing.PURPOSE);

        int resealed = new RrnResealing(dataSource, rotated, progress, 2).resealAll();

        // Every resident in the database was under the development key, the demo residents too.
        assertEquals(resealed, (int) progress.resealedSoFar());
        for (int i = 0; i < ids.size(); i++) {
            Stored stored = stored(ids.get(i));
            assertEquals(NEW_ID, stored.keyId());
            assertEquals(numbers.get(i), rotated.decrypt(stored.keyId(), stored.ciphertext(), ids.get(i).toString()));
            assertArrayEquals(serviceCipher.lookupHash(numbers.get(i)), stored.lookupHash(),
                    "the look-up hash is not re-computed: the resident is still found by number");
        }
        assertEquals(0, progress.remainingAtLastCount(), "no row is left under another key");
        assertEquals(0, new RrnResealing(dataSource, rotated, progress, 2).resealAll(), "a second run finds nothing");

        // Back under the development key, so that the rest of the suite reads every resident as before.
        RrnCipher back = new RrnCipher(OLD_ID, Map.of(OLD_ID, Base64.getDecoder().decode(OLD_KEY),
                NEW_ID, Base64.getDecoder().decode(NEW_KEY)), Base64.getDecoder().decode(LOOKUP_KEY));
        assertEquals(resealed, new RrnResealing(dataSource, back, progress, 50).resealAll());
        assertEquals(numbers.get(0), serviceCipher.decrypt(stored(ids.get(0)).keyId(), stored(ids.get(0)).ciphertext(),
                ids.get(0).toString()));
    }

    record Stored(String keyId, byte[] ciphertext, byte[] lookupHash) {
    }

    private void insertHousehold() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO household (id, address) VALUES (?, ?)")) {
            s.setObject(1, household);
            s.setString(2, "서울특별시 종로구 세종대로 209 (re-sealing test)");
            s.executeUpdate();
        }
    }

    private void insertResident(UUID id, RrnCipher.EncryptedRrn rrn) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO resident (id, name, birth_date, rrn_key_id, rrn_ciphertext, rrn_lookup_hash, household_id,
                    relation_to_head) VALUES (?, ?, ?, ?, ?, ?, ?, 'CHILD')""")) {
            s.setObject(1, id);
            s.setString(2, "김재봉");
            s.setObject(3, LocalDate.of(2021, 1, 1));
            s.setString(4, rrn.keyId());
            s.setBytes(5, rrn.ciphertext());
            s.setBytes(6, rrn.lookupHash());
            s.setObject(7, household);
            s.executeUpdate();
        }
    }

    private Stored stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT rrn_key_id, rrn_ciphertext, rrn_lookup_hash FROM resident WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Stored(r.getString(1), r.getBytes(2), r.getBytes(3));
            }
        }
    }
}

package kr.civilportal.emergency.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A rotation end to end on the real database: numbers sealed under the development key, the active key switched
 * to a new one, the job run; every number is then under the new key and still reads back, and the meters say so.
 */
@QuarkusTest
@TestProfile(PhoneResealingTest.Rotated.class)
class PhoneResealingTest {

    private static final String OLD_ID = "dev-2026";
    private static final String OLD_KEY = "V0inpWAiKopkDRtN0SKXU4aFfR1EjlQupAMRDkj9dyk=";
    private static final String NEW_ID = "rotated-2027";
    private static final String NEW_KEY = "E4Cj2leSNqLsketsce7QdErZVkOk22XhExbjVpIL7rc=";

    /** The development key still configured, a new one active. */
    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.emergency.phone.active-key-id", NEW_ID,
                    "portal.emergency.phone.keys", OLD_ID + ":" + OLD_KEY + "," + NEW_ID + ":" + NEW_KEY,
                    "portal.emergency.phone.reseal.batch-size", "2");
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    PhoneCipher cipher;
    @Inject
    PhoneResealing resealing;
    @Inject
    MeterRegistry registry;

    @Test
    void numbersUnderTheOldKeyAreResealedUnderTheActiveOneAndStillReadBack() throws SQLException {
        PhoneCipher before = new PhoneCipher(OLD_ID, Map.of(OLD_ID, Base64.getDecoder().decode(OLD_KEY)));
        List<UUID> ids = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            PhoneNumber phone = PhoneNumber.parse("010-5555-000" + i);
            insertReport(id, before.encrypt(phone, id.toString()));
            ids.add(id);
            phones.add(phone);
        }
        assertEquals(phones.get(0).dialable(), stored(ids.get(0)).dialable(), "the rotated service still reads the old key's rows");

        int resealed = resealing.resealAll();

        assertTrue(resealed >= ids.size(), "at least the five seeded rows were re-sealed, in batches of two: " + resealed);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(NEW_ID, keyIdOf(ids.get(i)));
            assertEquals(phones.get(i).dialable(), stored(ids.get(i)).dialable());
        }
        assertEquals(0, countUnderOtherKeys(), "no row is left under another key");
        assertEquals(0.0, registry.get("portal.at_rest.remaining").tag("purpose", PhoneResealing.PURPOSE).gauge().value());
        assertTrue(registry.get("portal.at_rest.resealed").tag("purpose", PhoneResealing.PURPOSE).counter().count()
                >= ids.size());
        assertEquals(0, resealing.resealAll(), "a second run finds nothing to do");
    }

    private void insertReport(UUID id, PhoneCipher.EncryptedPhone phone) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO emergency_report (id, category, description, latitude, longitude, reporter_phone_key_id,
                    reporter_phone_ciphertext, status, priority, received_at)
                VALUES (?, 'FIRE', 'Smoke from a bakery', 37.5665, 126.978, ?, ?, 'RECEIVED', 1, ?)""")) {
            s.setObject(1, id);
            s.setString(2, phone.keyId());
            s.setBytes(3, phone.ciphertext());
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private PhoneNumber stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reporter_phone_key_id, reporter_phone_ciphertext FROM emergency_report WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return cipher.decrypt(r.getString(1), r.getBytes(2), id.toString());
            }
        }
    }

    private String keyIdOf(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reporter_phone_key_id FROM emergency_report WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private long countUnderOtherKeys() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM emergency_report WHERE reporter_phone_key_id <> ?")) {
            s.setString(1, NEW_ID);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

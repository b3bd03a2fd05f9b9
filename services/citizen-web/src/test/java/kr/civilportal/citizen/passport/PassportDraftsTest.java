package kr.civilportal.citizen.passport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The passport draft store against citizen-web's own real PostgreSQL (migrations applied as in production). */
@QuarkusTest
class PassportDraftsTest {

    @Inject
    PassportDrafts drafts;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "portal.web.citizen.passport.draft-retention")
    Duration retention;

    @Test
    void aDraftWithItsPhotoIsReadBackAsSavedAndIsStoredEncrypted() throws Exception {
        String user = UUID.randomUUID().toString();
        PassportDraft draft = new PassportDraft();
        draft.kind = "REISSUE";
        draft.validity = "FIVE_YEARS";
        draft.pages = "26";
        draft.photo = photoBytes();
        draft.photoName = "김지민-여권사진.jpg";
        draft.payment = "AT_COUNTER";
        drafts.save(user, draft);

        PassportDraft read = drafts.find(user).orElseThrow();
        assertEquals("REISSUE", read.kind);
        assertEquals(PaymentMethod.AT_COUNTER, read.paymentChosen(), "the fee's payment method is kept");
        assertEquals("FIVE_YEARS", read.validity);
        assertEquals("26", read.pages);
        assertEquals("김지민-여권사진.jpg", read.photoName);
        assertEquals(draft.idempotencyKey, read.idempotencyKey, "a resumed draft submits with the same key");
        assertArrayEquals(draft.photo, read.photo);

        byte[][] row = row(user);
        String content = new String(row[0], StandardCharsets.ISO_8859_1);
        assertFalse(content.contains("REISSUE") || content.contains("FIVE_YEARS") || content.contains(draft.idempotencyKey),
                "the choices are not stored in clear");
        assertFalse(new String(row[0], StandardCharsets.UTF_8).contains("김지민"), "the file name is not stored in clear");
        assertFalse(contains(row[1], java.util.Arrays.copyOfRange(draft.photo, 0, 64)), "the photo is not stored in clear");
    }

    @Test
    void savingAgainReplacesTheDraftAndAPhotoIsKeptUntilReplaced() {
        String user = UUID.randomUUID().toString();
        PassportDraft draft = drafts.findOrNew(user);
        assertTrue(drafts.find(user).isEmpty(), "no draft before the first save");
        draft.kind = "NEW";
        drafts.save(user, draft);
        assertFalse(drafts.find(user).orElseThrow().hasPhoto());

        PassportDraft second = drafts.find(user).orElseThrow();
        second.photo = photoBytes();
        drafts.save(user, second);
        PassportDraft third = drafts.find(user).orElseThrow();
        third.validity = "TEN_YEARS";
        drafts.save(user, third);

        PassportDraft read = drafts.find(user).orElseThrow();
        assertEquals("NEW", read.kind);
        assertEquals("TEN_YEARS", read.validity);
        assertArrayEquals(second.photo, read.photo);
    }

    @Test
    void aSubmittedDraftIsDeletedAndOthersDraftsAreUntouched() throws Exception {
        String user = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        PassportDraft mine = new PassportDraft();
        mine.kind = "NEW";
        drafts.save(user, mine);
        PassportDraft theirs = new PassportDraft();
        theirs.kind = "REISSUE";
        drafts.save(other, theirs);

        drafts.discard(user);

        assertTrue(drafts.find(user).isEmpty());
        assertEquals(0, count(user), "the row is gone, not only hidden");
        assertEquals("REISSUE", drafts.find(other).orElseThrow().kind);
    }

    @Test
    void anOldDraftIsNoLongerShownAndThePurgeDeletesItButNotARecentOne() throws Exception {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        drafts.save(old, new PassportDraft());
        drafts.save(recent, new PassportDraft());
        setSavedAt(old, Instant.now().minus(retention).minus(Duration.ofMinutes(1)));

        assertTrue(drafts.find(old).isEmpty(), "past the retention a draft is not resumed");
        assertTrue(drafts.purgeExpired() >= 1);
        assertEquals(0, count(old));
        assertEquals(1, count(recent));
        assertTrue(drafts.find(recent).isPresent());
    }

    @Test
    void aDraftCopiedOntoAnotherCitizensRowDoesNotDecrypt() throws Exception {
        String victim = UUID.randomUUID().toString();
        String thief = UUID.randomUUID().toString();
        PassportDraft draft = new PassportDraft();
        draft.kind = "NEW";
        draft.photo = photoBytes();
        drafts.save(victim, draft);
        drafts.save(thief, new PassportDraft());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE passport_draft SET content = v.content, photo = v.photo
                     FROM passport_draft v WHERE v.subject = ? AND passport_draft.subject = ?""")) {
            s.setString(1, victim);
            s.setString(2, thief);
            assertEquals(1, s.executeUpdate());
        }
        assertThrows(IllegalStateException.class, () -> drafts.find(thief));
        assertEquals("NEW", drafts.find(victim).orElseThrow().kind);
    }

    private byte[][] row(String user) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT content, photo FROM passport_draft WHERE subject = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new byte[][] {r.getBytes(1), r.getBytes(2)};
            }
        }
    }

    private int count(String user) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM passport_draft WHERE subject = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private void setSavedAt(String user, Instant at) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE passport_draft SET saved_at = ? WHERE subject = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, user);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static byte[] photoBytes() {
        byte[] bytes = new byte[40_000];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

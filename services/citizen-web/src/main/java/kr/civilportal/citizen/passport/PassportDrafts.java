package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.common.crypto.AtRestCipher;
import org.jboss.logging.Logger;

/**
 * Drafts by user (the token's subject), in citizen-web's own PostgreSQL (table {@code passport_draft}): they
 * survive closing the browser, logging out and a restart of citizen-web, and every citizen-web replica sees the
 * same draft (sessions are stateless cookies, so the next page may reach another replica). What the citizen entered and the photo are encrypted ({@link AtRestCipher}, bound to the
 * subject). A draft untouched for {@code portal.web.citizen.passport.draft-retention} is no longer shown and is
 * deleted by {@link #purgeExpired()}; a submitted one is deleted at once. Plain JDBC, one short statement
 * per call.
 */
@ApplicationScoped
public class PassportDrafts {

    private static final Logger LOG = Logger.getLogger(PassportDrafts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What is encrypted as the row's content (the photo is a column of its own). {@code payment} (수수료 납부 방법)
     * is absent from drafts saved before it was asked: they get the form's default. Unknown properties are skipped,
     * so a draft saved by a newer replica still opens here.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(String kind, String validity, String pages, String photoName, String idempotencyKey,
            String payment) {
    }

    private final AgroalDataSource dataSource;
    private final AtRestCipher cipher;
    private final Duration retention;

    PassportDrafts(AgroalDataSource dataSource,
            AtRestCipher cipher, CitizenWebSettings settings) {
        this.dataSource = dataSource;
        this.retention = settings.passport().draftRetention();
        this.cipher = cipher;
    }

    public Optional<PassportDraft> find(String user) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT content, photo, saved_at FROM passport_draft WHERE subject = ? AND saved_at >= ?")) {
            s.setString(1, user);
            s.setTimestamp(2, Timestamp.from(Instant.now().minus(retention)));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Content content = JSON.readValue(cipher.decrypt(r.getBytes(1), context(user, "content")), Content.class);
                PassportDraft draft = new PassportDraft();
                draft.kind = content.kind();
                draft.validity = content.validity();
                draft.pages = content.pages();
                draft.photoName = content.photoName();
                draft.idempotencyKey = content.idempotencyKey();
                if (content.payment() != null) {
                    draft.payment = content.payment();
                }
                byte[] photo = r.getBytes(2);
                draft.photo = photo == null ? null : cipher.decrypt(photo, context(user, "photo"));
                draft.savedAt = r.getTimestamp(3).toInstant();
                return Optional.of(draft);
            }
        } catch (SQLException e) {
            throw new DraftsUnavailableException("Could not read a passport draft", e);
        } catch (IOException e) {
            throw new IllegalStateException("A passport draft does not parse", e);
        }
    }

    public PassportDraft findOrNew(String user) {
        return find(user).orElseGet(PassportDraft::new);
    }

    public void save(String user, PassportDraft draft) {
        draft.savedAt = Instant.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO passport_draft (subject, content, photo, saved_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (subject) DO UPDATE
                     SET content = EXCLUDED.content, photo = EXCLUDED.photo, saved_at = EXCLUDED.saved_at""")) {
            Content content = new Content(draft.kind, draft.validity, draft.pages, draft.photoName, draft.idempotencyKey,
                    draft.payment);
            s.setString(1, user);
            s.setBytes(2, cipher.encrypt(JSON.writeValueAsBytes(content), context(user, "content")));
            s.setBytes(3, draft.hasPhoto() ? cipher.encrypt(draft.photo, context(user, "photo")) : null);
            s.setTimestamp(4, Timestamp.from(draft.savedAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DraftsUnavailableException("Could not save a passport draft", e);
        } catch (IOException e) {
            throw new IllegalStateException("A passport draft does not serialise", e);
        }
    }

    public void discard(String user) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM passport_draft WHERE subject = ?")) {
            s.setString(1, user);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DraftsUnavailableException("Could not delete a passport draft", e);
        }
    }

    @Scheduled(every = "${portal.web.citizen.passport.draft-purge-interval}",
            delayed = "${portal.web.citizen.passport.draft-purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Deletes drafts untouched for longer than the retention; returns how many. */
    public int purgeExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM passport_draft WHERE saved_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            int purged = s.executeUpdate();
            if (purged > 0) {
                LOG.infof("Purged %d passport drafts untouched for %s", purged, retention);
            }
            return purged;
        } catch (SQLException e) {
            // The pages keep serving without the drafts' database; the next run tries again.
            LOG.warnf("Could not purge passport drafts: %s", e.getMessage());
            return 0;
        }
    }

    private static String context(String user, String column) {
        return "passport_draft:" + column + ":" + user;
    }
}

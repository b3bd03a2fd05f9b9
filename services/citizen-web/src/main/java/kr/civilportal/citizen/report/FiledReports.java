package kr.civilportal.citizen.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.common.crypto.AtRestCipher;
import org.jboss.logging.Logger;

/**
 * The 119 reports a signed-in citizen filed through these pages (신고 내역), in citizen-web's own PostgreSQL (table
 * {@code filed_report}), so that 나의 민원 lists them with their status. The 119 service ties no account to a report
 * (anyone reports without logging in), so the page remembers which were the citizen's: the report's id and the
 * token that opens its status, encrypted and bound to the citizen and the report. Kept for
 * {@code portal.web.citizen.reports.retention}, then purged. Plain JDBC, one short statement per call.
 */
@ApplicationScoped
public class FiledReports {

    private static final Logger LOG = Logger.getLogger(FiledReports.class);

    /**
     * A remembered report: the 119 service's report id and receipt token, or, while the gateway's relay holds the
     * report ({@code held}), the relay's id and token.
     */
    public record Filed(UUID id, boolean held, ReportCategory category, String token, Instant filedAt) {
    }

    /** citizen-web's database did not answer: the list cannot be shown (the reports themselves are safe with 119). */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AgroalDataSource dataSource;
    private final AtRestCipher cipher;
    private final Duration retention;
    private final int listed;

    FiledReports(AgroalDataSource dataSource, AtRestCipher cipher, CitizenWebSettings settings) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.retention = settings.reports().retention();
        this.listed = settings.reports().listed();
    }

    /**
     * Remembers a report the citizen has just filed. Never throws: the report is already with 119, and the citizen
     * gets its receipt whether or not this list can be written.
     */
    public void remember(String subject, ReportCategory category, ReportAnswers.Accepted accepted) {
        UUID id = accepted.held() ? accepted.relayId() : accepted.reportId();
        String token = accepted.held() ? accepted.relayToken() : accepted.receiptToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO filed_report (subject, report_id, held, category, token, filed_at)
                     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subject, report_id) DO NOTHING""")) {
            s.setString(1, subject);
            s.setObject(2, id);
            s.setBoolean(3, accepted.held());
            s.setString(4, category.name());
            s.setBytes(5, cipher.encrypt(token.getBytes(StandardCharsets.UTF_8), context(subject, id)));
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // Only the kind of failure: nothing that could name the reporter or the report goes to the log.
            LOG.warnf("A filed 119 report could not be added to the reporter's list (%s)", e.getClass().getSimpleName());
        }
    }

    /** The relay delivered a held report: from now on it is followed by the 119 service's own receipt. */
    public void delivered(String subject, UUID relayId, ReportAnswers.Accepted receipt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE filed_report SET report_id = ?, held = false, token = ?
                     WHERE subject = ? AND report_id = ? AND held""")) {
            s.setObject(1, receipt.reportId());
            s.setBytes(2, cipher.encrypt(receipt.receiptToken().getBytes(StandardCharsets.UTF_8),
                    context(subject, receipt.reportId())));
            s.setString(3, subject);
            s.setObject(4, relayId);
            s.executeUpdate();
        } catch (SQLException e) {
            // Followed through the relay again next time.
            LOG.warnf("A delivered 119 report could not be updated in the reporter's list (%s)", e.getSQLState());
        }
    }

    /** The citizen's reports, newest first, at most {@code portal.web.citizen.reports.listed}. */
    public List<Filed> of(String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT report_id, held, category, token, filed_at FROM filed_report
                     WHERE subject = ? AND filed_at >= ? ORDER BY filed_at DESC LIMIT ?""")) {
            s.setString(1, subject);
            s.setTimestamp(2, Timestamp.from(Instant.now().minus(retention)));
            s.setInt(3, listed);
            List<Filed> filed = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    String token = new String(cipher.decrypt(r.getBytes(4), context(subject, id)), StandardCharsets.UTF_8);
                    filed.add(new Filed(id, r.getBoolean(2), ReportCategory.valueOf(r.getString(3)), token,
                            r.getTimestamp(5).toInstant()));
                }
            }
            return filed;
        } catch (SQLException e) {
            throw new UnavailableException("Could not read the filed 119 reports", e);
        }
    }

    @Scheduled(every = "${portal.web.citizen.reports.purge-interval}",
            delayed = "${portal.web.citizen.reports.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Forgets reports filed longer ago than the retention; returns how many. */
    public int purgeExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM filed_report WHERE filed_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            int purged = s.executeUpdate();
            if (purged > 0) {
                LOG.infof("Forgot %d filed 119 reports older than %s", purged, retention);
            }
            return purged;
        } catch (SQLException e) {
            // The pages keep serving without this database; the next run tries again.
            LOG.warnf("Could not purge filed 119 reports (%s)", e.getSQLState());
            return 0;
        }
    }

    private static String context(String subject, UUID id) {
        return "filed_report:token:" + subject + ":" + id;
    }
}

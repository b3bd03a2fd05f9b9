package kr.civilportal.gateway.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.gateway.relay.HeldReport.State;
import org.jboss.logging.Logger;

/**
 * Dispatch supervisors (119 상황팀장) and the reports the gateway held: the list of those that still need someone,
 * a report's content read with a reason, a refused report sent again, a refused report settled. Every step is
 * written to {@code held_report_step} in the transaction of what it does, so none happens without its entry.
 * Plain JDBC on the relay's journal, like {@link RelayJournal}.
 */
@ApplicationScoped
public class HeldReportSupervision {

    private static final Logger LOG = Logger.getLogger(HeldReportSupervision.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            id, received_at, state, attempts, next_attempt_at, last_error, service_status, service_body, body_bytes,
            content_type, delivered_at, resolved_at, resolved_by, resolution""";

    /** A step a supervisor takes (the {@code step} column). */
    public enum Step {
        /** Read the report's content (personal data), with a reason. */
        READ_CONTENT,
        /** Sent a refused report again: the forwarder takes it at its next pass. */
        RETRY,
        /** Settled a refused report by other means. */
        RESOLVE
    }

    /** A held report as a supervisor sees it: no personal data (that is {@link HeldReportContent}, read with a reason). */
    public record Supervised(UUID relayId, Instant receivedAt, State state, int attempts, Instant nextAttemptAt,
                             String lastError, Refusal refusal, long bodyBytes, String contentType,
                             Instant deliveredAt, Instant resolvedAt, String resolvedBy, String resolution,
                             List<StepTaken> steps) {
    }

    /** Why the service refused a report for good: its status and its problem's words (which never echo input). */
    public record Refusal(int status, String title, String detail, String detailKo, List<String> fields) {
    }

    public record StepTaken(Step step, String official, String note, Instant takenAt) {
    }

    /** A list, newest last, and whether there were more than were listed. */
    public record Listed(List<Supervised> reports, boolean truncated) {
    }

    private final AgroalDataSource dataSource;
    private final RelayCipher cipher;
    private final RelayConfig.Supervision settings;

    HeldReportSupervision(AgroalDataSource dataSource, RelayConfig config) {
        this.dataSource = dataSource;
        this.cipher = RelayCipher.fromConfig(config.encryption().activeKeyId(), config.encryption().keys());
        this.settings = config.supervision();
    }

    /** Reports in {@code state}, or those that still need someone (HELD and FAILED) when it is null; oldest first. */
    public Listed list(State state) {
        String where = state == null ? "state IN ('HELD', 'FAILED')" : "state = ?";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM held_report WHERE " + where
                     + " ORDER BY received_at, id LIMIT ?")) {
            int i = 1;
            if (state != null) {
                s.setString(i++, state.name());
            }
            s.setInt(i, settings.listed() + 1);
            List<Supervised> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r, List.of()));
                }
            }
            boolean truncated = found.size() > settings.listed();
            return new Listed(truncated ? List.copyOf(found.subList(0, settings.listed())) : found, truncated);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list held reports", e);
        }
    }

    /** One report with every step taken on it. */
    public Supervised find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id, false).orElseThrow(HeldReportSupervision::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a held report", e);
        }
    }

    /**
     * The content of a report still held or refused, and the read's entry, in one transaction: the content is
     * never answered without its entry. A delivered or settled report's content is no longer kept (409).
     */
    public HeldReportContent readContent(UUID id, String official, String reason) {
        return inTransaction(c -> {
            Supervised report = find(c, id, true).orElseThrow(HeldReportSupervision::notFound);
            if (report.state() != State.HELD && report.state() != State.FAILED) {
                throw ProblemException.conflict("This report was " + report.state().name().toLowerCase()
                                + ": the gateway no longer keeps its content.",
                        "이미 " + (report.state() == State.DELIVERED ? "전달된" : "처리된")
                                + " 신고라 게이트웨이에 내용이 남아 있지 않습니다.");
            }
            byte[] body;
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM held_report WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    body = cipher.decrypt(r.getBytes(1), id);
                }
            }
            insertStep(c, id, Step.READ_CONTENT, official, reason, null);
            LOG.infof("Held 119 report %s: content read by %s", id, official);
            return HeldReportContent.of(report.contentType(), body);
        });
    }

    /**
     * A refused report goes back to HELD, due now: the forwarder sends it at its next pass, with the same
     * Idempotency-Key (so if the service had taken it after all, it answers with its first receipt). For a refusal
     * that was the service's fault, fixed since (e.g. by a release).
     */
    public Supervised retry(UUID id, String official, String note, String idempotencyKey) {
        return step(id, Step.RETRY, official, note, idempotencyKey, """
                UPDATE held_report SET state = 'HELD', next_attempt_at = now(), last_error = NULL
                WHERE id = ? AND state = 'FAILED'""");
    }

    /**
     * A held or refused report is settled: the supervisor took it by other means (a call-back, a report entered by
     * hand) and says how. Its content and the reporter's address are emptied, as on delivery: the report now lives
     * where it was taken. A held one is settled too, so that a report already acted on by phone during an outage is
     * not delivered later as a second emergency: the forwarder holds its row locked for the time of an attempt, so
     * the settling waits for an attempt under way and then finds the report delivered (409) or still held.
     */
    public Supervised resolve(UUID id, String official, String note, String idempotencyKey) {
        return step(id, Step.RESOLVE, official, note, idempotencyKey, """
                UPDATE held_report SET state = 'RESOLVED', resolved_at = now(), resolved_by = ?, resolution = ?,
                    body = NULL, client_address = NULL
                WHERE id = ? AND state IN ('HELD', 'FAILED')""");
    }

    private Supervised step(UUID id, Step step, String official, String note, String key, String update) {
        try {
            return inTransaction(c -> {
                // The row is locked first: a repeat sent while the first is still running waits for it and is
                // then answered as a repeat, not refused because the first changed the state.
                Supervised before = find(c, id, true).orElseThrow(HeldReportSupervision::notFound);
                if (key != null && stepTaken(c, id, step, key)) {
                    return find(c, id, false).orElseThrow(HeldReportSupervision::notFound); // a repeat: one step
                }
                try (PreparedStatement s = c.prepareStatement(update)) {
                    int i = 1;
                    if (step == Step.RESOLVE) {
                        s.setString(i++, official);
                        s.setString(i++, note);
                    }
                    s.setObject(i, id);
                    if (s.executeUpdate() == 0) {
                        throw step == Step.RETRY
                                ? ProblemException.conflict("Only a report the service refused can be sent again;"
                                        + " this one is " + before.state().name() + ".",
                                        "서비스가 받지 않은 신고만 다시 보낼 수 있습니다. 이 신고의 상태: "
                                                + before.state().name())
                                : ProblemException.conflict("Only a report still held or refused can be settled;"
                                        + " this one is " + before.state().name() + ".",
                                        "보관 중이거나 서비스가 받지 않은 신고만 처리 완료할 수 있습니다. 이 신고의 상태: "
                                                + before.state().name());
                    }
                }
                insertStep(c, id, step, official, note, key);
                LOG.infof("Held 119 report %s: %s by %s", id, step, official);
                return find(c, id, false).orElseThrow(HeldReportSupervision::notFound);
            });
        } catch (IllegalStateException e) {
            // Two requests with one key at once: the other one's step stands.
            if (key != null && e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return find(id);
            }
            throw e;
        }
    }

    private Optional<Supervised> find(Connection c, UUID id, boolean lock) throws SQLException {
        Supervised found;
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM held_report WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                found = read(r, List.of());
            }
        }
        List<StepTaken> steps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT step, official, note, taken_at FROM held_report_step WHERE held_report_id = ?
                ORDER BY taken_at, id""")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.add(new StepTaken(Step.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                            r.getTimestamp(4).toInstant()));
                }
            }
        }
        return Optional.of(new Supervised(found.relayId(), found.receivedAt(), found.state(), found.attempts(),
                found.nextAttemptAt(), found.lastError(), found.refusal(), found.bodyBytes(), found.contentType(),
                found.deliveredAt(), found.resolvedAt(), found.resolvedBy(), found.resolution(), List.copyOf(steps)));
    }

    private Supervised read(ResultSet r, List<StepTaken> steps) throws SQLException {
        UUID id = r.getObject(1, UUID.class);
        State state = State.valueOf(r.getString(3));
        Integer status = (Integer) r.getObject(7);
        byte[] answer = r.getBytes(8);
        Refusal refusal = state == State.DELIVERED || status == null ? null
                : refusal(status, answer == null ? null : cipher.decrypt(answer, id));
        return new Supervised(id, instant(r, 2), state, r.getInt(4), state == State.HELD ? instant(r, 5) : null,
                r.getString(6), refusal, r.getLong(9), r.getString(10), instant(r, 11), instant(r, 12),
                r.getString(13), r.getString(14), steps);
    }

    /** The service's problem+json, as far as it is one. */
    static Refusal refusal(int status, byte[] answer) {
        if (answer == null) {
            return new Refusal(status, null, null, null, List.of());
        }
        try {
            JsonNode problem = JSON.readTree(answer);
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return new Refusal(status, text(problem, "title"), text(problem, "detail"), text(problem, "detailKo"),
                    List.copyOf(fields));
        } catch (IOException | RuntimeException e) {
            return new Refusal(status, null, null, null, List.of());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private boolean stepTaken(Connection c, UUID id, Step step, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM held_report_step WHERE held_report_id = ? AND step = ? AND idempotency_key = ?""")) {
            s.setObject(1, id);
            s.setString(2, step.name());
            s.setString(3, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void insertStep(Connection c, UUID id, Step step, String official, String note, String key)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO held_report_step (held_report_id, step, official, note, idempotency_key, taken_at)
                VALUES (?, ?, ?, ?, ?, now())""")) {
            s.setObject(1, id);
            s.setString(2, step.name());
            s.setString(3, official);
            s.setString(4, note);
            s.setString(5, key);
            s.executeUpdate();
        }
    }

    private interface InTransaction<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(InTransaction<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a step on a held report", e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No held report has this id.", "이 번호로 보관된 신고가 없습니다.");
    }
}

package kr.civilportal.residency.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;

/**
 * Writes the reminders of one deadline day, a batch per transaction: each reminder's event (through the outbox) and
 * its mark ({@code move_in_supplement_reminder}, Flyway V17) commit together, so a filer is reminded once per round.
 * Every replica runs the job; the reports are claimed with {@code FOR UPDATE SKIP LOCKED}, and the mark is inserted
 * only where none is, so two replicas never remind of the same round.
 */
@ApplicationScoped
public class SupplementReminders {

    /** The event's source, as every event of the service names it ({@code movein/MoveInEvents}). */
    static final String SOURCE = "residency";
    /** 보완 기한 임박: the day before the deadline of a round still unanswered; data as {@code supplement-requested}. */
    public static final String SUPPLEMENT_DUE_SOON = "residency.move-in.supplement-due-soon";

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    SupplementReminders(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /**
     * Reminds of up to {@code batch} supplement rounds whose deadline is {@code deadline} and which are still open:
     * the round neither answered nor lapsed, and the report still waiting for it (보완요청; a report withdrawn or
     * decided meanwhile is not). Returns how many were reminded of.
     */
    @Transactional
    public int remind(LocalDate deadline, Instant now, int batch) {
        // The report's row is locked, as the answer and the deadline job lock it: a round answered in the same
        // moment is either seen answered here or answered after the reminder was written, never half of each.
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT CAST(r.id AS varchar), CAST(r.resident_id AS varchar), CAST(s.id AS varchar), s.what
                FROM move_in_report r
                JOIN move_in_supplement s ON s.report_id = r.id AND s.answered_at IS NULL AND s.lapsed_at IS NULL
                WHERE r.status = 'SUPPLEMENT_REQUESTED' AND s.deadline = ?1
                  AND NOT EXISTS (SELECT 1 FROM move_in_supplement_reminder m WHERE m.supplement_id = s.id)
                ORDER BY r.id LIMIT ?2
                FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, deadline).setParameter(2, batch).getResultList();
        int reminded = 0;
        for (Object[] row : due) {
            // Conditional, although the report is locked: a mark a replica's earlier round committed meanwhile wins.
            int marked = em.createNativeQuery("""
                    INSERT INTO move_in_supplement_reminder (supplement_id, reminded_at)
                    VALUES (CAST(?1 AS uuid), ?2) ON CONFLICT (supplement_id) DO NOTHING""")
                    .setParameter(1, row[2]).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .executeUpdate();
            if (marked == 1) {
                record(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]), (String) row[3], deadline);
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * The event, to the filer (as {@code supplement-requested} goes): the report's short reference, what was asked
     * and the deadline; never a name, a number or the address.
     */
    private void record(UUID report, UUID filer, String what, LocalDate deadline) {
        Map<String, Object> data = new LinkedHashMap<>();
        // The start of the report's id, as its page's address and the other move-in events have it.
        data.put("reference", report.toString().substring(0, 8));
        data.put("reason", what.strip());
        data.put("dueOn", deadline.toString());
        outbox.record(DomainEvent.now(clock, SOURCE, SUPPLEMENT_DUE_SOON, report.toString(), List.of(filer), data));
    }
}

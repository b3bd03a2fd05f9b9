package kr.civilportal.passport.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.workflow.ApplicationEvents;

/**
 * Writes the reminders of one day, a batch per transaction: each reminder's event and its mark commit together, so
 * an applicant is reminded once. Every replica runs the job; the rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, and the mark is conditional, so two replicas never remind of the same booking or deadline.
 */
@ApplicationScoped
public class Reminders {

    private final EntityManager em;
    private final ApplicationEvents events;
    private final ReminderDay rule;

    Reminders(EntityManager em, ApplicationEvents events, ReminderRule rule) {
        this.em = em;
        this.events = events;
        this.rule = rule.day();
    }

    /**
     * Reminds of up to {@code batch} pickups booked on {@code day} not yet reminded of; returns how many. Only an
     * application still waiting at the office (교부 대기) is reminded: one handed over early needs no reminder.
     */
    @Transactional
    public int pickups(LocalDate day, Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT b.application_id, a.applicant_resident_id, s.starts_at, o.name
                FROM pickup_booking b
                JOIN pickup_slot s ON s.id = b.slot_id
                JOIN pickup_office o ON o.id = s.office_id
                JOIN passport_application a ON a.id = b.application_id
                WHERE b.reminded_at IS NULL AND s.starts_at >= ?1 AND s.starts_at < ?2
                  AND a.status = 'READY_FOR_PICKUP'
                ORDER BY s.starts_at, b.application_id LIMIT ?3
                FOR UPDATE OF b SKIP LOCKED""")
                .setParameter(1, utc(rule.startOf(day))).setParameter(2, utc(rule.endOf(day)))
                .setParameter(3, batch).getResultList();
        int reminded = 0;
        for (Object[] row : due) {
            UUID application = (UUID) row[0];
            // Conditional, although the row is locked: a mark set meanwhile (a replica's earlier round) wins.
            int marked = em.createNativeQuery("UPDATE pickup_booking SET reminded_at = ?2"
                            + " WHERE application_id = ?1 AND reminded_at IS NULL")
                    .setParameter(1, application).setParameter(2, utc(now)).executeUpdate();
            if (marked == 1) {
                events.pickupReminder(application, (UUID) row[1],
                        instantOf(row[2]).atZone(rule.zone()).toLocalDateTime(), (String) row[3]);
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * Reminds of up to {@code batch} supplement requests whose deadline is {@code day} and which the applicant has not
     * answered (the application still waits for the supplement, 보완요청); returns how many. The request is the
     * latest one of the application, as the deadline job judges it ({@code Workflow.rejectOverdueSupplements}).
     */
    @Transactional
    public int supplements(LocalDate day, Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT a.id, a.applicant_resident_id, d.id, d.reason, d.deadline FROM passport_application a
                CROSS JOIN LATERAL (SELECT c.id, c.reason, c.supplement_deadline AS deadline
                                    FROM passport_status_change c
                                    WHERE c.application_id = a.id AND c.to_status = 'SUPPLEMENT_REQUESTED'
                                      AND c.identity_check IS NULL
                                    ORDER BY c.id DESC LIMIT 1) d
                WHERE a.status = 'SUPPLEMENT_REQUESTED' AND d.deadline = ?1
                  AND NOT EXISTS (SELECT 1 FROM supplement_reminder r WHERE r.status_change_id = d.id)
                ORDER BY a.id LIMIT ?2
                FOR UPDATE OF a SKIP LOCKED""")
                .setParameter(1, day).setParameter(2, batch).getResultList();
        int reminded = 0;
        for (Object[] row : due) {
            UUID application = (UUID) row[0];
            int marked = em.createNativeQuery("""
                    INSERT INTO supplement_reminder (status_change_id, application_id, reminded_at)
                    VALUES (?1, ?2, ?3) ON CONFLICT (status_change_id) DO NOTHING""")
                    .setParameter(1, ((Number) row[2]).longValue()).setParameter(2, application)
                    .setParameter(3, utc(now)).executeUpdate();
            if (marked == 1) {
                events.supplementDueSoon(application, (UUID) row[1], (String) row[3], localDate(row[4]));
                reminded++;
            }
        }
        return reminded;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instantOf(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a moment: " + value.getClass());
        };
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

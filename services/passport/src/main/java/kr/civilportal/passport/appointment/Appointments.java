package kr.civilportal.passport.appointment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.idempotency.RequestFingerprint;
import kr.civilportal.common.idempotency.StoredResponse;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;

/**
 * Pickup appointments (교부 예약). A place in a slot is taken by one conditional UPDATE
 * ({@code booked = booked + 1 WHERE booked < capacity}): PostgreSQL row-locks the slot for the update and
 * re-checks the condition on the latest row version, so however many bookings race, at most {@code capacity}
 * succeed and the rest update nothing and get {@link #SLOT_FULL}. The application's own row is locked too, so
 * one applicant's book, move and cancel never interleave.
 */
@ApplicationScoped
public class Appointments {

    public static final ProblemType SLOT_FULL = new ProblemType("slot-full", "Slot full", 409);
    public static final ProblemType NOT_READY = new ProblemType("not-ready-for-pickup", "Not ready for pickup", 409);
    /** How far ahead slots are listed. */
    static final Duration LISTED_AHEAD = Duration.ofDays(14);

    private final EntityManager em;
    private final IdempotentWrites writes;
    private final Clock clock = Clock.systemUTC();

    Appointments(EntityManager em, IdempotentWrites writes) {
        this.em = em;
        this.writes = writes;
    }

    /**
     * Books a slot for the application, or moves its booking there. The Idempotency-Key is required: a retry
     * gets the first answer, the same key for another slot 422, a retry while the first runs 409.
     */
    @Transactional
    public IdempotentResponse book(Caller applicant, UUID applicationId, BookingRequest request, String keyHeader,
                                   String path) {
        // The fingerprint covers the slot id's text, as it has since bookings first took a key: a key stored
        // before an update must still match its retry after it.
        KeyedRequest keyed = KeyedRequest.requiring(IdempotencyScope.subject(applicant.subject()), keyHeader,
                RequestFingerprint.of(HttpMethod.POST, path,
                        request.slotId().toString().getBytes(StandardCharsets.US_ASCII)));
        return writes.execute(keyed, InProgressPolicy.REJECT, () -> take(applicant, applicationId, request.slotId()));
    }

    private StoredResponse take(Caller applicant, UUID applicationId, UUID slotId) {
        PassportApplication application = ownApplication(applicant, applicationId);
        if (application.status != ApplicationStatus.READY_FOR_PICKUP) {
            throw new ProblemException(NOT_READY, "Only a passport that is ready for pickup can be booked; this "
                    + "application is " + application.status + ".", "교부 대기 중인 여권만 수령 예약을 할 수 있습니다.");
        }
        List<?> slot = em.createNativeQuery("SELECT starts_at, office_id FROM pickup_slot WHERE id = ?1")
                .setParameter(1, slotId).getResultList();
        if (slot.isEmpty()) {
            throw ProblemException.invalidField("slotId", "is not a pickup slot", "예약 시간이 올바르지 않습니다.");
        }
        Object[] found = (Object[]) slot.get(0);
        if (application.officeId != null && !application.officeId.equals(found[1])) {
            // The passport is delivered to the office that received the application: it is handed over there.
            throw ProblemException.invalidField("slotId", "is at another office than the one that received the "
                    + "application (" + application.officeId + ")", "신청한 기관에서만 여권을 받을 수 있습니다. 신청한 "
                    + "기관의 수령 시간을 선택해 주세요.");
        }
        if (!instant(found[0]).isAfter(Instant.now(clock))) {
            throw ProblemException.invalidField("slotId", "has already begun", "이미 지난 예약 시간입니다.");
        }
        UUID previous = currentSlot(applicationId);
        if (slotId.equals(previous)) {
            return stored(200, view(applicationId));
        }
        // Two slots change on a move: touch them in id order, so that two opposite moves cannot deadlock.
        if (previous != null && previous.compareTo(slotId) < 0) {
            release(previous);
            reserve(slotId);
        } else {
            reserve(slotId);
            if (previous != null) {
                release(previous);
            }
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (previous == null) {
            em.createNativeQuery("INSERT INTO pickup_booking (application_id, slot_id, booked_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, applicationId).setParameter(2, slotId)
                    .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
            return stored(201, view(applicationId));
        }
        // Another slot is another appointment: its own reminder the day before (reminder/Reminders).
        em.createNativeQuery("UPDATE pickup_booking SET slot_id = ?2, booked_at = ?3, reminded_at = NULL"
                        + " WHERE application_id = ?1")
                .setParameter(1, applicationId).setParameter(2, slotId)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
        return stored(200, view(applicationId));
    }

    @Transactional
    public void cancel(Caller applicant, UUID applicationId) {
        ownApplication(applicant, applicationId);
        UUID slot = currentSlot(applicationId);
        if (slot == null) {
            throw ProblemException.notFound("This application has no pickup appointment.", "수령 예약이 없습니다.");
        }
        em.createNativeQuery("DELETE FROM pickup_booking WHERE application_id = ?1").setParameter(1, applicationId)
                .executeUpdate();
        release(slot);
    }

    @Transactional
    public AppointmentView find(Caller caller, UUID applicationId) {
        PassportApplication application = PassportApplication.findById(applicationId);
        if (application == null || !caller.mayRead(application)) {
            throw notFound();
        }
        AppointmentView view = view(applicationId);
        if (view == null) {
            throw ProblemException.notFound("This application has no pickup appointment.", "수령 예약이 없습니다.");
        }
        return view;
    }

    @Transactional
    public List<SlotView> upcoming(String officeId) {
        Instant now = Instant.now(clock);
        // Two texts rather than a nullable parameter: a null bind has no type for PostgreSQL to infer.
        String sql = """
                SELECT s.id, s.office_id, o.name, s.starts_at, s.capacity, s.capacity - s.booked
                FROM pickup_slot s JOIN pickup_office o ON o.id = s.office_id
                WHERE s.starts_at > ?1 AND s.starts_at <= ?2""" + (officeId == null ? "" : " AND s.office_id = ?3")
                + " ORDER BY s.starts_at, s.office_id";
        var query = em.createNativeQuery(sql)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(now.plus(LISTED_AHEAD), ZoneOffset.UTC));
        if (officeId != null) {
            query.setParameter(3, officeId);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new SlotView((UUID) r[0], (String) r[1], (String) r[2],
                instant(r[3]), ((Number) r[4]).intValue(), ((Number) r[5]).intValue())).toList();
    }

    private void reserve(UUID slotId) {
        int taken = em.createNativeQuery(
                        "UPDATE pickup_slot SET booked = booked + 1 WHERE id = ?1 AND booked < capacity")
                .setParameter(1, slotId).executeUpdate();
        if (taken == 0) {
            throw new ProblemException(SLOT_FULL, "This pickup slot is fully booked; choose another time.",
                    "선택한 시간의 예약이 마감되었습니다. 다른 시간을 선택해 주세요.");
        }
    }

    private void release(UUID slotId) {
        em.createNativeQuery("UPDATE pickup_slot SET booked = booked - 1 WHERE id = ?1 AND booked > 0")
                .setParameter(1, slotId).executeUpdate();
    }

    private PassportApplication ownApplication(Caller applicant, UUID applicationId) {
        PassportApplication application = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !applicant.subject().equals(application.applicantSubject)) {
            throw notFound();
        }
        return application;
    }

    private UUID currentSlot(UUID applicationId) {
        List<?> rows = em.createNativeQuery("SELECT slot_id FROM pickup_booking WHERE application_id = ?1")
                .setParameter(1, applicationId).getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    private AppointmentView view(UUID applicationId) {
        List<?> rows = em.createNativeQuery("""
                SELECT b.slot_id, s.office_id, o.name, s.starts_at, b.booked_at
                FROM pickup_booking b JOIN pickup_slot s ON s.id = b.slot_id JOIN pickup_office o ON o.id = s.office_id
                WHERE b.application_id = ?1""").setParameter(1, applicationId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new AppointmentView(applicationId, (UUID) r[0], (String) r[1], (String) r[2], instant(r[3]),
                instant(r[4]));
    }

    private StoredResponse stored(int status, AppointmentView view) {
        return writes.json(status, null, view);
    }

    /** Hibernate returns timestamptz as an Instant, an OffsetDateTime or a Timestamp depending on version. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}

package kr.civilportal.passport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.PassportApplication;

/**
 * The steps of a passport application its applicant is told of (issue 20), written to the outbox in the transaction
 * of the step (envelope and types in docs/events.md). Internal steps (심사 중, 제작 중) are not told. The data holds
 * a reference, the officer's reason and a date; never the applicant's name or number.
 */
@ApplicationScoped
public class ApplicationEvents {

    static final String SOURCE = "passport";
    /** 접수: applied (or, paid online, once paid); {@code dueOn} is the 처리기한. */
    public static final String RECEIVED = "passport.application.received";
    /** 보완요청: {@code reason} is what is missing, {@code dueOn} the deadline. */
    public static final String SUPPLEMENT_REQUESTED = "passport.application.supplement-requested";
    public static final String APPROVED = "passport.application.approved";
    /** 교부 대기: the passport is at the office; the applicant books a pickup. */
    public static final String READY_FOR_PICKUP = "passport.application.ready-for-pickup";
    public static final String ISSUED = "passport.application.issued";
    /** 반려: by an officer or a supplement deadline passed; {@code reason} says why. */
    public static final String REJECTED = "passport.application.rejected";
    /** 보완 기한 the day after, still unanswered: {@code reason} and {@code dueOn} as asked. */
    public static final String SUPPLEMENT_DUE_SOON = "passport.application.supplement-due-soon";
    /** 교부 예약 the day after: {@code pickupAt} in Korea's local time, {@code office} the office's name. */
    public static final String PICKUP_REMINDER = "passport.appointment.pickup-reminder";
    /** A local date-time to the minute, as docs/events.md writes {@code pickupAt} (2026-12-08T10:30). */
    private static final DateTimeFormatter PICKUP_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** An application's reference as its applicant sees it: the first characters of its id. */
    private static final int REFERENCE_LENGTH = 8;

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    ApplicationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The application has just become {@code to}; told if its applicant is told of that step. */
    public void moved(PassportApplication application, ApplicationStatus to, String reason, LocalDate deadline) {
        typeOf(to).ifPresent(type -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reference", reference(application.id));
            if (reason != null) {
                data.put("reason", reason);
            }
            LocalDate dueOn = to == ApplicationStatus.SUPPLEMENT_REQUESTED ? deadline
                    : to == ApplicationStatus.SUBMITTED ? application.dueOn : null;
            if (dueOn != null) {
                data.put("dueOn", dueOn.toString());
            }
            outbox.record(DomainEvent.now(clock, SOURCE, type, application.id.toString(),
                    recipients(application.applicantResidentId), data));
        });
    }

    /** The applicant is reminded of a pickup booked for the day after (once per booking). */
    public void pickupReminder(UUID applicationId, UUID applicantResidentId,
                               LocalDateTime pickupAt, String office) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference(applicationId));
        data.put("pickupAt", PICKUP_AT.format(pickupAt));
        data.put("office", office);
        outbox.record(DomainEvent.now(clock, SOURCE, PICKUP_REMINDER, applicationId.toString(),
                recipients(applicantResidentId), data));
    }

    /** The applicant is reminded of a supplement deadline the day after, still unanswered (once per request). */
    public void supplementDueSoon(UUID applicationId, UUID applicantResidentId, String reason,
                                  LocalDate dueOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference(applicationId));
        if (reason != null) {
            data.put("reason", reason);
        }
        data.put("dueOn", dueOn.toString());
        outbox.record(DomainEvent.now(clock, SOURCE, SUPPLEMENT_DUE_SOON, applicationId.toString(),
                recipients(applicantResidentId), data));
    }

    private static String reference(UUID applicationId) {
        return applicationId.toString().substring(0, REFERENCE_LENGTH);
    }

    private static List<UUID> recipients(UUID applicantResidentId) {
        // An applicant without a resident id (the token had none) has nobody to address; the event is still written.
        return applicantResidentId == null ? List.of() : List.of(applicantResidentId);
    }

    private static Optional<String> typeOf(ApplicationStatus to) {
        return Optional.ofNullable(switch (to) {
            case SUBMITTED -> RECEIVED;
            case SUPPLEMENT_REQUESTED -> SUPPLEMENT_REQUESTED;
            case APPROVED -> APPROVED;
            case READY_FOR_PICKUP -> READY_FOR_PICKUP;
            case ISSUED -> ISSUED;
            case REJECTED -> REJECTED;
            case AWAITING_PAYMENT, UNDER_REVIEW, PRINTING -> null;
        });
    }
}

package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A passport application as the passport service shows it to its applicant; {@code history} on reads of one;
 * {@code payment} how its fee is paid (absent from an older passport: paid at the office, as it always was).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PassportApplication(UUID id, ApplicationKind kind, ApplicationStatus status, Instant submittedAt,
        List<StatusChange> history, LocalDate dueOn, boolean overdue, String office, Payment payment) {

    public PassportApplication {
        history = history == null ? List.of() : history;
    }

    /** 결제 대기: submitted to be paid online and not paid yet; the office does not see it until it is. */
    public boolean awaitingPayment() {
        return status == ApplicationStatus.AWAITING_PAYMENT;
    }

    public boolean readyForPickup() {
        return status == ApplicationStatus.READY_FOR_PICKUP;
    }

    /** While a supplement is asked for (보완요청): the request, with what is missing and by when. */
    public Optional<StatusChange> supplementAsked() {
        if (status != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            return Optional.empty();
        }
        // An identity-check step taken while it waits keeps the status (to: SUPPLEMENT_REQUESTED) with the officer's
        // note and no deadline: the request is the last step that moved the application there.
        return history.stream().filter(h -> h.to() == ApplicationStatus.SUPPLEMENT_REQUESTED && h.identityCheck() == null)
                .reduce((first, second) -> second);
    }

    /**
     * One step of the workflow, with the officer's reason and a supplement's deadline where given; on an
     * identity-check step (본인 확인, status kept) its outcome in {@code identityCheck}, else null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(ApplicationStatus to, Instant at, String reason, LocalDate supplementDeadline,
            String identityCheck) {
    }
}

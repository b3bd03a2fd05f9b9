package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.web.api.UploadedDocument;

/**
 * A passport application as the passport service shows it to its applicant; {@code history} on reads of one;
 * {@code payment} how its fee is paid (absent from an older passport: paid at the office, as it always was);
 * {@code supplements} the rounds of 보완 asked, oldest first, with the applicant's answers (reads of one only;
 * docs/supplement-documents.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PassportApplication(UUID id, ApplicationKind kind, ApplicationStatus status, Instant submittedAt,
        List<StatusChange> history, LocalDate dueOn, boolean overdue, String office, Payment payment,
        List<Supplement> supplements) {

    public PassportApplication {
        history = history == null ? List.of() : history;
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }

    /** Some round of 보완 was answered (보완 제출): the page lists what was sent. */
    public boolean anySupplementAnswered() {
        return supplements.stream().anyMatch(Supplement::answered);
    }

    /**
     * A round of 보완 (passport's {@code supplements[]}): what the officer asked and by when, and the applicant's
     * 보완 제출: when ({@code answeredAt}, null while unanswered or lapsed), the text if any was written (optional for
     * a passport: a new photo is often the whole answer) and the documents sent with it, in the order sent.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supplement(Instant requestedAt, String reason, LocalDate supplementDeadline, Instant answeredAt,
            String answer, List<UploadedDocument> documents) {

        public Supplement {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        public boolean answered() {
            return answeredAt != null;
        }
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

package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.web.api.UploadedDocument;

/**
 * One of the citizen's move-in reports, as residency lists them; {@code officeName} is the office that decides it
 * (관할 기관), absent where residency does not say (no office covers the address, or a join not yet approved).
 * {@code dueAt} is its 처리기한 (absent until it reaches the officers), {@code overdue} says it passed undecided.
 * {@code supplements} are the rounds of 보완 the officer asked, oldest first, with the citizen's answers.
 * {@code moverCount} is how many people it moves, the citizen included, {@code movers} the others (세대 전부/일부 전입)
 * by the names residency masks and their relation to the head at the new address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoveIn(UUID id, MoveInMode mode, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
        OffsetDateTime decidedAt, String officeName, OffsetDateTime dueAt, boolean overdue, List<Supplement> supplements,
        int moverCount, List<Mover> movers) {

    public MoveIn(UUID id, MoveInMode mode, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
            OffsetDateTime decidedAt, String officeName, OffsetDateTime dueAt, boolean overdue) {
        this(id, mode, status, rejectionReason, submittedAt, decidedAt, officeName, dueAt, overdue, List.of(), 1,
                List.of());
    }

    public MoveIn(UUID id, MoveInMode mode, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
            OffsetDateTime decidedAt, String officeName, OffsetDateTime dueAt, boolean overdue,
            List<Supplement> supplements) {
        this(id, mode, status, rejectionReason, submittedAt, decidedAt, officeName, dueAt, overdue, supplements, 1,
                List.of());
    }

    public MoveIn {
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        movers = movers == null ? List.of() : List.copyOf(movers);
        // An older residency sends no count: the citizen alone.
        moverCount = Math.max(moverCount, 1 + movers.size());
    }

    /** One moving with the citizen: the name as residency masks it, the relation to the head there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mover(String name, Relation relationToHead) {
    }

    /**
     * A round of 보완 (residency's {@code supplements[]}): what the officer asked for and until when (a day in Korea),
     * the citizen's answer and when (null until answered), and the documents sent with it, in the order sent (none
     * from an older residency).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supplement(String what, LocalDate deadline, OffsetDateTime requestedAt, String answer,
            OffsetDateTime answeredAt, List<UploadedDocument> documents) {

        public Supplement(String what, LocalDate deadline, OffsetDateTime requestedAt, String answer,
                OffsetDateTime answeredAt) {
            this(what, deadline, requestedAt, answer, answeredAt, List.of());
        }

        public Supplement {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** Still open: the citizen may take it back (취하). */
    public boolean undecided() {
        return status == MoveInStatus.AWAITING_HEAD || status == MoveInStatus.SUBMITTED
                || status == MoveInStatus.SUPPLEMENT_REQUESTED;
    }

    /** Some round of 보완 was answered with documents: the page lists them with their downloads. */
    public boolean hasSupplementDocuments() {
        return supplements.stream().anyMatch(s -> !s.documents().isEmpty());
    }

    /** While the officer waits for the citizen (보완요청): what is asked and until when; null otherwise. */
    public Supplement supplementAsked() {
        return status == MoveInStatus.SUPPLEMENT_REQUESTED && !supplements.isEmpty()
                ? supplements.get(supplements.size() - 1) : null;
    }
}

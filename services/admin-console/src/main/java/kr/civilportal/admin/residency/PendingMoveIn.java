package kr.civilportal.admin.residency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kr.civilportal.web.api.UploadedDocument;

/**
 * A move-in report waiting for a residency officer's decision, at one of the officer's offices (관할 기관,
 * {@code officeName}) or at none (null: an address no office covers, shown to every officer). {@code holder} is its
 * 담당자 (null while nobody holds it), {@code dueAt} its 처리기한 and {@code overdue} says residency found it still
 * undecided past that: residency keeps the office hours and holidays the deadline counts, so the console shows its
 * verdict rather than comparing clocks itself. {@code status} and {@code supplements} are its 보완: the rounds asked
 * of the filer, with their answers. {@code moverCount} is how many people the report moves, its filer included
 * (세대 전부/일부 전입), {@code movers} the others by name masked by residency and their relation at the new address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingMoveIn(UUID id, UUID residentId, String residentName, Mode mode, String address,
        LocalDate movedInOn, Relation relationToHead, OffsetDateTime submittedAt, String officeName, Holder holder,
        OffsetDateTime dueAt, boolean overdue, Status status, List<Supplement> supplements, int moverCount,
        List<Mover> movers) {

    /** The constructor of the queue before 세대 전부/일부 전입: the filer moves alone. */
    public PendingMoveIn(UUID id, UUID residentId, String residentName, Mode mode, String address,
            LocalDate movedInOn, Relation relationToHead, OffsetDateTime submittedAt, String officeName, Holder holder,
            OffsetDateTime dueAt, boolean overdue, Status status, List<Supplement> supplements) {
        this(id, residentId, residentName, mode, address, movedInOn, relationToHead, submittedAt, officeName, holder,
                dueAt, overdue, status, supplements, 1, List.of());
    }

    /** The shorter constructor of the queue before 보완: no status read, no supplement asked. */
    public PendingMoveIn(UUID id, UUID residentId, String residentName, Mode mode, String address,
            LocalDate movedInOn, Relation relationToHead, OffsetDateTime submittedAt, String officeName, Holder holder,
            OffsetDateTime dueAt, boolean overdue) {
        this(id, residentId, residentName, mode, address, movedInOn, relationToHead, submittedAt, officeName, holder,
                dueAt, overdue, Status.SUBMITTED, List.of(), 1, List.of());
    }

    public PendingMoveIn {
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        movers = movers == null ? List.of() : List.copyOf(movers);
        // An older residency sends no count: the filer alone.
        moverCount = Math.max(moverCount, 1 + movers.size());
    }

    /** One moving with the filer: the name as residency masks it (박*호), the relation to the head there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mover(String name, Relation relationToHead) {
    }

    /** More than the filer moves: the queue says how many, and who. */
    public boolean withOthers() {
        return moverCount > 1;
    }

    /**
     * Where the report stands as the console reads it: waiting for an officer (접수), or for its filer's supplement
     * (보완요청, listed apart); any other residency status is not in the queue.
     */
    public enum Status { SUBMITTED, SUPPLEMENT_REQUESTED, APPROVED, REJECTED, WITHDRAWN, AWAITING_HEAD }

    /**
     * A round of 보완 (residency's {@code supplements[]}): what was asked, until when (a day in Korea), by whom, and
     * the filer's answer and when (null until answered).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supplement(String what, LocalDate deadline, OffsetDateTime requestedAt, String requestedBy,
            String answer, OffsetDateTime answeredAt, List<UploadedDocument> documents) {

        /** A round as an older residency sends it: no documents. */
        public Supplement(String what, LocalDate deadline, OffsetDateTime requestedAt, String requestedBy,
                String answer, OffsetDateTime answeredAt) {
            this(what, deadline, requestedAt, requestedBy, answer, answeredAt, List.of());
        }

        public Supplement {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** Some round of 보완 was answered with documents: the queue lists them before a decision. */
    public boolean hasSupplementDocuments() {
        return supplements.stream().anyMatch(s -> !s.documents().isEmpty());
    }

    /** The last round asked, or null when none was: the open one while in 보완, the answered one after. */
    public Supplement lastSupplement() {
        return supplements.isEmpty() ? null : supplements.get(supplements.size() - 1);
    }

    /** Waiting for the filer's supplement (보완 대기): no decision is offered, residency would refuse it. */
    public boolean waitingForSupplement() {
        return status == Status.SUPPLEMENT_REQUESTED;
    }

    public enum Mode { NEW_HOUSEHOLD, JOIN_HOUSEHOLD }

    /** Residency's RelationToHead: HEAD (본인, 세대주) for a new household, the others for joining one. */
    public enum Relation { HEAD, SPOUSE, CHILD, PARENT, SIBLING, OTHER }

    /**
     * 담당 filter of the queue, which residency applies ({@code held}): the officer's own reports (내 업무) or those
     * nobody holds (미배정); none for every report.
     */
    public enum Held { MINE, NOBODY }

    /**
     * 담당자: the officer (their user name) who holds the report, and since when; taken over from another officer
     * ({@code takenOverFrom}, 담당 인계) for {@code takeoverReason}, both null when it was taken free; or assigned to
     * them by a colleague ({@code assignedBy}, 배정).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holder(String officer, Instant since, String takenOverFrom, String takeoverReason,
            String assignedBy) {

        public Holder(String officer, Instant since) {
            this(officer, since, null, null, null);
        }

        public Holder(String officer, Instant since, String takenOverFrom, String takeoverReason) {
            this(officer, since, takenOverFrom, takeoverReason, null);
        }
    }

    /**
     * 처리 현황 of the officer's offices (residency's {@code GET /officer/move-ins/counts}): waiting with nobody
     * holding them (접수 대기), waiting and held (처리 중), past 처리기한 and undecided (처리기한 경과), and decided
     * today, in Korea (오늘 처리), and waiting for their filers' supplements (보완 대기; absent from an older residency).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(long received, long inProgress, long overdue, long decidedToday, long waitingForSupplement) {

        public Counts(long received, long inProgress, long overdue, long decidedToday) {
            this(received, inProgress, overdue, decidedToday, 0);
        }
    }

    /** What the queue's filter keeps: the mode chosen (any when null) and a part of the name or address. */
    public boolean matches(Mode onlyMode, String query) {
        return (onlyMode == null || onlyMode == mode) && (query.isEmpty()
                || (residentName != null && residentName.contains(query)) || (address != null && address.contains(query)));
    }

    /** The official named {@code officer} holds it. */
    public boolean heldBy(String officer) {
        return holder != null && holder.officer() != null && holder.officer().equals(officer);
    }

    /**
     * Another officer holds it: residency would refuse this official's decision (409 case-held), so the queue
     * offers none and says who holds it instead.
     */
    public boolean heldByAnother(String officer) {
        return holder != null && !heldBy(officer);
    }
}

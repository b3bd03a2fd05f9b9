package kr.civilportal.residency.movein;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import kr.civilportal.common.problem.ProblemException;

/**
 * The rules of 보완 (supplement) on a move-in report, as the passport office has them: an officer of its office asks
 * the filer for what is missing by a day; the report waits for the filer (SUPPLEMENT_REQUESTED), out of the officers'
 * queue, and cannot be decided meanwhile (the filer was promised until that day); the filer answers until the day
 * ends, and the report is the officers' again (SUBMITTED), held by whoever held it before; past the day, the deadline
 * job rejects it. Holding (담당) is untouched by a supplement: the officer who asked usually reads the answer. Plain
 * rules on the entities: the caller locks the report's row first and checks 관할 and 담당.
 */
public final class MoveInSupplementing {

    /** Who rejects a report whose supplement deadline passed ({@code decidedBy}), as passport's history names it. */
    public static final String DEADLINE_ACTOR = "system:supplement-deadline";

    private MoveInSupplementing() {
    }

    /**
     * The officer asks for {@code what} by {@code deadline}: the report must wait for a decision (not already for a
     * supplement); the deadline at least tomorrow (the filer gets one whole day at least, as passport requires) and
     * at most {@code longestDays} after today (Korean days). Returns the round to keep.
     */
    public static MoveInSupplement request(MoveInReport report, String what, LocalDate deadline, String officer,
            OffsetDateTime now, LocalDate today, int longestDays) {
        if (deadline == null) {
            throw ProblemException.invalidField("deadline", "is required (YYYY-MM-DD, a day in Korea)",
                    "보완 기한을 적어 주세요 (YYYY-MM-DD).");
        }
        if (!deadline.isAfter(today)) {
            throw ProblemException.invalidField("deadline", "must be after today (" + today + ")",
                    "보완 기한은 내일 이후여야 합니다 (오늘: " + today + ").");
        }
        if (deadline.isAfter(today.plusDays(longestDays))) {
            throw ProblemException.invalidField("deadline", "must be at most " + longestDays + " days ahead ("
                    + today.plusDays(longestDays) + ")", "보완 기한은 " + longestDays + "일 이내여야 합니다 ("
                    + today.plusDays(longestDays) + "까지).");
        }
        if (report.status == MoveInReport.Status.SUPPLEMENT_REQUESTED) {
            throw ProblemException.conflict("This move-in report already waits for a supplement.",
                    "이미 보완을 요청한 전입신고입니다.");
        }
        mustBeWaitingForTheOffice(report);
        report.status = MoveInReport.Status.SUPPLEMENT_REQUESTED;
        return MoveInSupplement.of(report.id, what.strip(), deadline, officer, now);
    }

    /**
     * The filer answers the open round: only while the report waits for it, and until its deadline's day ends
     * ({@code today}, Korean). The report is the officers' again; its 처리기한 is the caller's to move on.
     */
    public static void answer(MoveInReport report, MoveInSupplement round, String answer, OffsetDateTime now,
            LocalDate today) {
        if (report.status != MoveInReport.Status.SUPPLEMENT_REQUESTED || round == null || !round.open()) {
            throw ProblemException.conflict("This move-in report does not wait for a supplement (" + report.status
                    + ").", "보완을 요청받은 전입신고가 아닙니다.");
        }
        if (today.isAfter(round.deadline)) {
            throw ProblemException.conflict("The supplement deadline (" + round.deadline + ") has passed.",
                    "보완 기한(" + round.deadline + ")이 지났습니다.");
        }
        round.answer = answer.strip();
        round.answeredAt = now;
        report.status = MoveInReport.Status.SUBMITTED;
    }

    /**
     * The answer's text as the multipart form sends it, checked as the JSON form's is (required, at most
     * {@link MoveInSupplement#ANSWER_LENGTH} characters): else 400 naming {@code answer}.
     */
    public static String answerText(String answer) {
        if (answer == null || answer.isBlank()) {
            throw ProblemException.invalidField("answer", "must not be blank", "보완 내용을 적어 주세요.");
        }
        if (answer.length() > MoveInSupplement.ANSWER_LENGTH) {
            throw ProblemException.invalidField("answer", "size must be between 0 and "
                    + MoveInSupplement.ANSWER_LENGTH, "보완 내용은 " + MoveInSupplement.ANSWER_LENGTH
                    + "자까지 적을 수 있습니다.");
        }
        return answer;
    }

    /** The deadline passed without an answer: the report is rejected, the reason naming the deadline. */
    public static void lapse(MoveInReport report, MoveInSupplement round, OffsetDateTime now) {
        round.lapsedAt = now;
        report.status = MoveInReport.Status.REJECTED;
        report.rejectionReason = reasonFor(round.deadline);
        report.decidedAt = now;
        report.decidedBy = DEADLINE_ACTOR;
        MoveInHolding.finished(report);
    }

    /** The reason a lapsed report reads, in Korean with an English gloss (as passport's). */
    public static String reasonFor(LocalDate deadline) {
        return "보완 기한(" + deadline + ")까지 보완이 없어 반려되었습니다 (no supplement by the deadline)";
    }

    /** Before a decision: a report waiting for a supplement is not the office's to decide until answered. */
    static void mustNotWaitForSupplement(MoveInReport report, MoveInSupplement round) {
        if (report.status == MoveInReport.Status.SUPPLEMENT_REQUESTED) {
            String until = round == null ? "" : " (deadline " + round.deadline + ")";
            String untilKo = round == null ? "" : " (기한: " + round.deadline + ")";
            throw ProblemException.conflict("This move-in report waits for the citizen's supplement" + until
                    + ": it is decided once answered, or rejected when the deadline passes.",
                    "보완을 기다리는 전입신고입니다" + untilKo + ". 보완이 제출되면 처리할 수 있고, 기한이 지나면 자동으로 "
                    + "반려됩니다.");
        }
    }

    private static void mustBeWaitingForTheOffice(MoveInReport report) {
        if (report.status != MoveInReport.Status.SUBMITTED) {
            throw ProblemException.conflict("This move-in report was already decided (" + report.status + ").",
                    "이미 처리된 전입신고입니다.");
        }
    }
}

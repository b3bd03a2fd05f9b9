package kr.civilportal.residency.movein;

import java.util.List;
import kr.civilportal.common.problem.ProblemException;

/**
 * The queue's 담당 filter, read from text rather than bound to an enum by JAX-RS: a failed conversion of a query
 * parameter answers 404 under the JAX-RS rules, whereas {@code held=ME} deserves a 400 naming the field.
 */
final class MoveInQueueFilter {

    /** The caller's own reports (내 업무) or those nobody holds (미배정). */
    enum Held { MINE, NOBODY }

    private MoveInQueueFilter() {
    }

    /** Absent or blank: every waiting report. Exactly as the OpenAPI document lists the values (no other case). */
    static Held held(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Held.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("held", "must be one of " + List.of(Held.values()),
                    "담당 구분 값이 올바르지 않습니다 (MINE 또는 NOBODY).");
        }
    }

    /** The queue lists what waits for a decision, or on request what waits for the filer's supplement (보완 대기). */
    private static final List<MoveInReport.Status> LISTED =
            List.of(MoveInReport.Status.SUBMITTED, MoveInReport.Status.SUPPLEMENT_REQUESTED);

    /** Absent or blank: SUBMITTED (the queue, as before). */
    static MoveInReport.Status status(String text) {
        if (text == null || text.isBlank()) {
            return MoveInReport.Status.SUBMITTED;
        }
        return LISTED.stream().filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("status", "must be one of " + LISTED,
                        "상태 값이 올바르지 않습니다 (SUBMITTED 또는 SUPPLEMENT_REQUESTED)."));
    }
}

package kr.civilportal.passport.supplement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One supplement request (보완 요청) and its answer (보완 제출) as the application's single view shows it, applicant's
 * and officers' alike: {@code answeredAt} and {@code answer} are null while unanswered or once it lapsed, {@code answer}
 * also when answered without text; {@code documents} is empty when none were sent.
 */
public record SupplementView(Instant requestedAt, String reason, LocalDate supplementDeadline, Instant answeredAt,
                             String answer, List<SupplementDocumentView> documents) {
}

package kr.civilportal.residency.movein;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import kr.civilportal.common.time.KoreanTime;

/**
 * A round of 보완 as the report shows it: what was asked and until when (보완 요청 사항, 보완 기한), the answer and when
 * (absent until answered), and whether the deadline passed without one ({@code lapsed}). {@code requestedBy} (the
 * officer's user name) is shown to officers only, as the holder is. {@code documents}: those sent with the answer, in
 * the order sent (none: an empty list), to both.
 */
public record MoveInSupplementView(String what, LocalDate deadline, OffsetDateTime requestedAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String requestedBy,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String answer,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime answeredAt,
                                   boolean lapsed, List<SupplementDocumentView> documents) {

    static MoveInSupplementView forFiler(MoveInSupplement s, List<SupplementDocumentView> documents) {
        return new MoveInSupplementView(s.what, s.deadline, korean(s.requestedAt), null, s.answer,
                korean(s.answeredAt), s.lapsedAt != null, documents);
    }

    static MoveInSupplementView forOfficer(MoveInSupplement s, List<SupplementDocumentView> documents) {
        return new MoveInSupplementView(s.what, s.deadline, korean(s.requestedAt), s.requestedBy, s.answer,
                korean(s.answeredAt), s.lapsedAt != null, documents);
    }

    private static OffsetDateTime korean(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime();
    }
}

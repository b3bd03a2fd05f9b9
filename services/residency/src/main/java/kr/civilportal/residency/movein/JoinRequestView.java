package kr.civilportal.residency.movein;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.residency.resident.RelationToHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to join a household as its head sees it (세대 합가 동의 요청): who asks (name masked, as on any
 * citizen-facing page), as what, from when, and where it stands; {@code moverCount}: how many people would join, the
 * requester included (those moving with them: 세대 일부/전부 전입), since the head consents to all of them.
 */
public record JoinRequestView(UUID id, @Schema(examples = "이*연") String requesterName,
                              RelationToHead relationToHead, LocalDate movedInOn, MoveInReport.Status status,
                              OffsetDateTime submittedAt, int moverCount) {

    static JoinRequestView of(MoveInReport r, String requesterName, int moverCount) {
        return new JoinRequestView(r.id, Masking.name(requesterName), r.relationToHead, r.movedInOn, r.status,
                r.submittedAt, moverCount);
    }
}

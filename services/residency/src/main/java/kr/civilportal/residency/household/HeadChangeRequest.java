package kr.civilportal.residency.household;

import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A head's report that another member becomes head (세대주 변경신고): the new head and every other member's relation to
 * them, by the resident ids the head reads on their own record ({@code GET /me}: {@code household.members[].residentId}),
 * never by anyone's number. Checked by {@link HeadChangePlan}, which names the field at fault.
 */
public record HeadChangeRequest(
        @Schema(description = "The member who becomes head (새 세대주), by residentId") UUID newHead,
        @Schema(description = "Every other member, the filer included, each once, with their relation to the new head "
                + "(not HEAD)") List<Relation> relations) {

    /** A member's relation to the new head (새 세대주와의 관계). */
    public record Relation(UUID residentId, RelationToHead relationToHead) {
    }
}

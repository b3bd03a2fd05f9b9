package kr.civilportal.residency.household;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A head change as the filer or the new head sees it: names masked as on any citizen-facing page (as a request to
 * join is shown), never a registration number. {@code role}: the caller's part in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeadChangeView(UUID id, HeadChange.Status status, OffsetDateTime filedAt, OffsetDateTime decidedAt,
                             Role role, Person newHead, Person filer, List<Relation> relations) {

    /** The caller's part: the head who filed (신고인) or the member named as new head (새 세대주). */
    public enum Role {
        FILER,
        NEW_HEAD
    }

    /** Someone on the change, by masked name. */
    public record Person(@Schema(examples = "김*민") String name) {
    }

    /** A member's relation to the new head, as filed. */
    public record Relation(@Schema(examples = "박*호") String name, RelationToHead relationToHead) {
    }
}

package kr.civilportal.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification as its citizen reads it. */
@Schema(name = "Notification")
public record InboxView(
        UUID id,
        @Schema(description = "The event type, e.g. residency.move-in.approved") String type,
        @Schema(description = "The service the petition belongs to, e.g. residency") String source,
        @Schema(description = "The petition's id (a certificate's: its issuance number)") String petitionId,
        @Schema(description = "The language the text is in: ko or en") String language,
        String title,
        String body,
        @Schema(description = "When it happened at the petition's service") Instant occurredAt,
        Instant createdAt,
        @Schema(description = "When the citizen marked it read; absent while unread", nullable = true) Instant readAt) {

    static InboxView of(InboxMessage m) {
        return new InboxView(m.id, m.eventType, m.source, m.petitionId, m.language, m.title, m.body, m.occurredAt,
                m.createdAt, m.readAt);
    }
}

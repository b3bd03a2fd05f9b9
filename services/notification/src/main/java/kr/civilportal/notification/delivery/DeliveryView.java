package kr.civilportal.notification.delivery;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery as officials see it: never the citizen's e-mail address, a mobile number only masked. */
@Schema(name = "Delivery")
public record DeliveryView(UUID id, UUID eventId, @Schema(description = "The citizen's resident id; for 119, a key of the report (reporters may be anonymous)") UUID recipient,
                           Channel channel, DeliveryState state, String type, String source, String petitionId,
                           String title, int attempts, Instant nextAttemptAt,
                           @Schema(nullable = true, description = "The last failure's kind, e.g. an SMTP error's class")
                           String lastError, Instant createdAt, Instant updatedAt,
                           @Schema(nullable = true, description = "SMS and KakaoTalk: the mobile number, masked "
                                   + "(010-****-5678); absent for other channels or when no number is known")
                           String to) {

    static DeliveryView of(Delivery d, String maskedTo) {
        return new DeliveryView(d.id, d.eventId, d.recipient, d.channel, d.state, d.eventType, d.source, d.petitionId,
                d.title, d.attempts, d.nextAttemptAt, d.lastError, d.createdAt, d.updatedAt, maskedTo);
    }
}

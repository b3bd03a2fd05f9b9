package kr.civilportal.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A domain event of a petition service, envelope version 1, as {@link EventParser} accepted it.
 *
 * @param eventId    unique per event: the key that makes a redelivered event do nothing twice
 * @param type       e.g. {@code residency.move-in.approved}
 * @param source     the publishing service, e.g. {@code residency}
 * @param subject    the petition's id (a UUID), or what else the event is about (a certificate's issuance number)
 * @param recipients the resident ids of the citizens to tell
 * @param details    the other texts of {@code data} a template may name ({@code pickupAt}, {@code office},
 *                   {@code parcel}, {@code changedOn}, {@code cause}, {@code unit}, {@code outcome})
 * @param callback   119's sealed call-back number, when the reporter left one
 */
public record PetitionEvent(UUID eventId, String type, int version, String source, Instant occurredAt, String subject,
                            List<UUID> recipients, Optional<String> reference, Optional<String> reason,
                            Optional<LocalDate> dueOn, Map<String, String> details, Optional<SealedCallback> callback) {

    public PetitionEvent {
        recipients = List.copyOf(recipients);
        details = Map.copyOf(details);
    }

    /** An event with only the fields of the petition services' first types. */
    public PetitionEvent(UUID eventId, String type, int version, String source, Instant occurredAt, String subject,
                         List<UUID> recipients, Optional<String> reference, Optional<String> reason,
                         Optional<LocalDate> dueOn) {
        this(eventId, type, version, source, occurredAt, subject, recipients, reference, reason, dueOn, Map.of(),
                Optional.empty());
    }

    /** {@code data.callback}: a number sealed by emergency-report for this service, opened only when sending. */
    public record SealedCallback(String keyId, byte[] sealed) {
    }
}

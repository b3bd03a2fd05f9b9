package kr.civilportal.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 */
public record PetitionEvent(UUID eventId, String type, int version, String source, Instant occurredAt, String subject,
                            List<UUID> recipients, Optional<String> reference, Optional<String> reason,
                            Optional<LocalDate> dueOn) {

    public PetitionEvent {
        recipients = List.copyOf(recipients);
    }
}

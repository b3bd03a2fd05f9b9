package kr.civilportal.common.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain event as it leaves a service (envelope version {@value #VERSION}, documented in docs/events.md): what
 * happened to which petition, and whom to tell. Consumers de-duplicate by {@code eventId}.
 *
 * <p>{@code recipients} are resident ids (the {@code resident_id} claim of citizens' tokens), never names or
 * numbers; {@code data} holds what the message needs (a reference, a reason, a date) and no personal data.
 */
public record DomainEvent(UUID eventId, String type, int version, String source, Instant occurredAt, String subject,
                          List<UUID> recipients, Map<String, Object> data) {

    public static final int VERSION = 1;

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subject, "subject");
        recipients = List.copyOf(recipients);
        data = Map.copyOf(data);
    }

    /** A new event of this moment, with a fresh id. */
    public static DomainEvent now(Clock clock, String source, String type, String subject, List<UUID> recipients,
                                  Map<String, Object> data) {
        return new DomainEvent(UUID.randomUUID(), type, VERSION, source, clock.instant(), subject, recipients, data);
    }

    /** Leaves the payload out: {@code data} may hold an officer's free text meant for the citizen alone. */
    @Override
    public String toString() {
        return "DomainEvent[" + type + " " + eventId + " of " + subject + "]";
    }
}

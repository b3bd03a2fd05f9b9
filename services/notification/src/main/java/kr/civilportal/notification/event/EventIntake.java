package kr.civilportal.notification.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import kr.civilportal.notification.delivery.Channel;
import kr.civilportal.notification.delivery.DeliveryState;
import kr.civilportal.notification.preference.Preference;
import kr.civilportal.notification.preference.Preferences;
import kr.civilportal.notification.template.Language;
import kr.civilportal.notification.template.NotificationTemplates;
import kr.civilportal.notification.template.RenderedMessage;

/**
 * Turns one accepted event into deliveries, in one transaction: for each recipient an INBOX delivery with its inbox
 * message, and an EMAIL delivery (PENDING, sent after the commit by {@code EmailSender}) when the citizen gave an
 * address and turned e-mail on. Every insert is {@code ON CONFLICT DO NOTHING} on the unique (event, recipient,
 * channel): a redelivered event, or the same event taken by two replicas at once, does nothing twice.
 */
@ApplicationScoped
public class EventIntake {

    private static final String INSERT_DELIVERY = """
            insert into delivery (id, event_id, recipient, channel, state, event_type, source, petition_id, language,
                                  title, body, attempts, next_attempt_at, created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?12, ?12)
            on conflict (event_id, recipient, channel) do nothing""";
    private static final String INSERT_INBOX = """
            insert into inbox_message (id, resident_id, event_id, event_type, source, petition_id, language, title,
                                       body, occurred_at, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            on conflict (event_id, resident_id) do nothing""";

    @Inject
    EntityManager em;
    @Inject
    Preferences preferences;
    @Inject
    NotificationTemplates templates;

    Clock clock = Clock.systemUTC();

    /** What the intake did: deliveries newly written (0 for an event seen before). */
    public record Result(int inbox, int email) {
    }

    /** Whether a template knows the event's type (otherwise it is ignored as unsupported). */
    public boolean supports(PetitionEvent event) {
        return templates.knows(event.type());
    }

    @Transactional
    public Result take(PetitionEvent event) {
        Instant now = Instant.now(clock);
        int inbox = 0;
        int email = 0;
        for (UUID recipient : event.recipients()) {
            Preference preference = Preference.findById(recipient);
            Language language = preferences.languageOf(preference);
            RenderedMessage message = templates.render(event, language).orElseThrow();
            if (insertDelivery(event, recipient, Channel.INBOX, DeliveryState.DELIVERED, language, message, now) == 1) {
                inbox += em.createNativeQuery(INSERT_INBOX)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, recipient)
                        .setParameter(3, event.eventId())
                        .setParameter(4, event.type())
                        .setParameter(5, event.source())
                        .setParameter(6, event.subject())
                        .setParameter(7, language.code())
                        .setParameter(8, message.title())
                        .setParameter(9, message.body())
                        .setParameter(10, Timestamp.from(event.occurredAt()))
                        .setParameter(11, Timestamp.from(now))
                        .executeUpdate();
            }
            if (preference != null && preference.emailEnabled && preference.emailSealed != null) {
                email += insertDelivery(event, recipient, Channel.EMAIL, DeliveryState.PENDING, language, message, now);
            }
        }
        return new Result(inbox, email);
    }

    private int insertDelivery(PetitionEvent event, UUID recipient, Channel channel, DeliveryState state,
                               Language language, RenderedMessage message, Instant now) {
        return em.createNativeQuery(INSERT_DELIVERY)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, event.eventId())
                .setParameter(3, recipient)
                .setParameter(4, channel.name())
                .setParameter(5, state.name())
                .setParameter(6, event.type())
                .setParameter(7, event.source())
                .setParameter(8, event.subject())
                .setParameter(9, language.code())
                .setParameter(10, message.title())
                .setParameter(11, message.body())
                .setParameter(12, Timestamp.from(now))
                .executeUpdate();
    }
}

package kr.civilportal.notification.event;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.NotificationSettings;
import kr.civilportal.notification.delivery.Channel;
import kr.civilportal.notification.delivery.DeliveryState;
import kr.civilportal.notification.preference.EmailCipher;
import kr.civilportal.notification.preference.PhoneNumbers;
import kr.civilportal.notification.preference.Preference;
import kr.civilportal.notification.preference.Preferences;
import kr.civilportal.notification.template.Language;
import kr.civilportal.notification.template.NotificationTemplates;
import kr.civilportal.notification.template.RenderedMessage;
import kr.civilportal.notification.text.CallbackSeal;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Turns one accepted event into deliveries, in one transaction: for each recipient an INBOX delivery with its inbox
 * message, an EMAIL delivery when the citizen gave an address and turned e-mail on, and a KAKAO delivery when they
 * turned KakaoTalk on (and the type has an 알림톡 template), else an SMS delivery when they turned SMS on. The
 * e-mails and texts are PENDING, sent after the commit. A 119 event has no recipients: one SMS to the sealed
 * call-back number, in Korean, never in an inbox. Every insert is {@code ON CONFLICT DO NOTHING} on the unique
 * (event, recipient, channel): a redelivered event, or the same event taken by two replicas at once, does nothing
 * twice.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    /** The source whose events go back to a 119 reporter's call-back number (docs/events.md). */
    static final String EMERGENCY = "emergency-report";
    /** What {@code takeEmergency} answers for a seal that does not open, as opposed to a count of deliveries. */
    private static final int UNOPENABLE = -1;
    private static final String INSERT_DELIVERY = """
            insert into delivery (id, event_id, recipient, channel, state, event_type, source, petition_id, language,
                                  title, body, attempts, next_attempt_at, last_error, address_sealed, created_at,
                                  updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13, ?14, ?12, ?12)
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
    @Inject
    CallbackSeal callbackSeal;
    @Inject
    EmailCipher cipher;
    @Inject
    NotificationSettings settings;
    @Inject
    MeterRegistry registry;

    Clock clock = Clock.systemUTC();

    /** What the intake did: deliveries newly written (0 for an event seen before). */
    public record Result(int inbox, int email, int text, boolean unopenable) {

        public Result(int inbox, int email) {
            this(inbox, email, 0, false);
        }

        /** Nothing written although there was something to write: the event was seen before. */
        public boolean nothing() {
            return inbox == 0 && email == 0 && text == 0 && !unopenable;
        }
    }

    /** Whether a template knows the event's type (otherwise it is ignored as unsupported). */
    public boolean supports(PetitionEvent event) {
        return templates.knows(event.type());
    }

    @Transactional
    public Result take(PetitionEvent event) {
        Instant now = Instant.now(clock);
        if (EMERGENCY.equals(event.source())) {
            int text = takeEmergency(event, now);
            return new Result(0, 0, Math.max(text, 0), text < 0);
        }
        int inbox = 0;
        int email = 0;
        int text = 0;
        for (UUID recipient : event.recipients()) {
            Preference preference = Preference.findById(recipient);
            Language language = preferences.languageOf(preference);
            RenderedMessage message = templates.render(event, language).orElseThrow();
            if (insertDelivery(UUID.randomUUID(), event, recipient, Channel.INBOX, DeliveryState.DELIVERED, language,
                    message, now, null, null) == 1) {
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
            if (preference == null) {
                continue;
            }
            if (preference.emailEnabled && preference.emailSealed != null) {
                email += insertDelivery(UUID.randomUUID(), event, recipient, Channel.EMAIL, DeliveryState.PENDING,
                        language, message, now, null, null);
            }
            Optional<Channel> channel = textChannel(preference, event.type());
            if (channel.isPresent()) {
                // the number is read when sending: a citizen who removes it meanwhile gets nothing
                text += insertDelivery(UUID.randomUUID(), event, recipient, channel.get(), DeliveryState.PENDING,
                        language, message, now, null, null);
            }
        }
        return new Result(inbox, email, text, false);
    }

    /** KakaoTalk if on and the type has an 알림톡 template; else SMS if on; nothing without a number. */
    private Optional<Channel> textChannel(Preference preference, String type) {
        if (preference.phoneSealed == null) {
            return Optional.empty();
        }
        if (preference.kakaoEnabled && settings.text().alimtalkTemplates().containsKey(type)) {
            return Optional.of(Channel.KAKAO);
        }
        return preference.smsEnabled ? Optional.of(Channel.SMS) : Optional.empty();
    }

    /**
     * 119: one SMS per event to the reporter's call-back number, Korean, ignoring preferences and quiet hours. The
     * recipient column holds a name-based UUID of the report (the subject), not a resident: reporters may be
     * anonymous, and the unique key (event, recipient, channel) still makes a redelivered event send nothing twice.
     * The number is sealed again under this service's key, bound to the delivery's id; a landline is recorded as
     * CANCELLED; a seal that does not open is counted and skipped ({@link #UNOPENABLE}).
     */
    private int takeEmergency(PetitionEvent event, Instant now) {
        if (event.callback().isEmpty()) {
            return 0;
        }
        PetitionEvent.SealedCallback callback = event.callback().get();
        Optional<String> number = callbackSeal.open(callback.keyId(), callback.sealed(), event.subject());
        if (number.isEmpty()) {
            registry.counter("notification.callback.unopenable").increment();
            LOG.warnf("Event %s (%s): its call-back number does not open under key %s; no SMS", event.eventId(),
                    event.type(), callback.keyId());
            return UNOPENABLE;
        }
        RenderedMessage message = templates.render(event, Language.KO).orElseThrow();
        UUID recipient = reportKey(event.subject());
        UUID id = UUID.randomUUID();
        Optional<String> mobile = PhoneNumbers.mobileDigits(number.get());
        if (mobile.isEmpty()) {
            return insertDelivery(id, event, recipient, Channel.SMS, DeliveryState.CANCELLED, Language.KO, message,
                    now, "not a mobile number", null);
        }
        return insertDelivery(id, event, recipient, Channel.SMS, DeliveryState.PENDING, Language.KO, message, now,
                null, cipher.sealDeliveryAddress(mobile.get(), id));
    }

    /** The recipient key of a report's deliveries: the same for every event of one report. */
    static UUID reportKey(String subject) {
        return UUID.nameUUIDFromBytes((EMERGENCY + "/" + subject).getBytes(StandardCharsets.UTF_8));
    }

    private int insertDelivery(UUID id, PetitionEvent event, UUID recipient, Channel channel, DeliveryState state,
                               Language language, RenderedMessage message, Instant now, String why,
                               byte[] addressSealed) {
        return em.createNativeQuery(INSERT_DELIVERY)
                .setParameter(1, id)
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
                .setParameter(13, new TypedParameterValue<>(StandardBasicTypes.STRING, why))
                .setParameter(14, new TypedParameterValue<>(StandardBasicTypes.BINARY, addressSealed))
                .executeUpdate();
    }
}

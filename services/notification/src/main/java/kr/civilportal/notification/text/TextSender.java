package kr.civilportal.notification.text;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.NotificationSettings;
import kr.civilportal.notification.delivery.Backoff;
import kr.civilportal.notification.delivery.Channel;
import kr.civilportal.notification.delivery.Delivery;
import kr.civilportal.notification.delivery.DeliveryState;
import kr.civilportal.notification.delivery.DueDeliveries;
import kr.civilportal.notification.preference.EmailCipher;
import kr.civilportal.notification.preference.Preferences;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Sends the PENDING SMS and 알림톡 deliveries after the event's commit, under the e-mail sender's rules: one row per
 * transaction taken {@code FOR UPDATE SKIP LOCKED}, exponential backoff on a 5xx, a time-out or a refused connection,
 * PARKED after {@code portal.notification.text.max-attempts} or at once on a 4xx (final by the provider's contract).
 * An 알림톡 to a number without KakaoTalk (409 {@code not-a-kakao-user}) becomes one SMS for the same event and
 * citizen (대체발송). A citizen keeping quiet hours (방해 금지) gets no text inside them: the delivery waits for their
 * end without counting an attempt. 119's deliveries carry their own number and ignore preferences and quiet hours.
 * The number is never logged.
 */
@ApplicationScoped
public class TextSender {

    private static final Logger LOG = Logger.getLogger(TextSender.class);
    private static final String INSERT_FALLBACK = """
            insert into delivery (id, event_id, recipient, channel, state, event_type, source, petition_id, language,
                                  title, body, attempts, next_attempt_at, address_sealed, created_at, updated_at)
            values (?1, ?2, ?3, 'SMS', 'PENDING', ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?10, ?10)
            on conflict (event_id, recipient, channel) do nothing""";

    @Inject
    EntityManager em;
    @Inject
    TextMessageProvider provider;
    @Inject
    Preferences preferences;
    @Inject
    EmailCipher cipher;
    @Inject
    NotificationSettings settings;
    @Inject
    MeterRegistry registry;

    private volatile Clock clock = Clock.systemUTC();

    /** Tests play the night with a clock of their own; {@code null} goes back to the system's. */
    public void useClock(Clock clock) {
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    @Scheduled(identity = "notification-text-sender", every = "${portal.notification.text.every}",
            delayed = "${portal.notification.text.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        for (int sent = 0; sent < settings.text().batchSize(); sent++) {
            if (!QuarkusTransaction.requiringNew().call(this::sendOne)) {
                return;
            }
        }
    }

    /** Sends (or holds) the next due delivery in the caller's transaction; false when none is due. */
    boolean sendOne() {
        Instant now = Instant.now(clock);
        Optional<Delivery> due = DueDeliveries.next(em, now, Channel.SMS, Channel.KAKAO);
        due.ifPresent(d -> send(d, now));
        return due.isPresent();
    }

    private void send(Delivery delivery, Instant now) {
        delivery.updatedAt = now;
        boolean fixed = delivery.addressSealed != null;
        Optional<String> to;
        try {
            to = fixed
                    ? Optional.of(cipher.openDeliveryAddress(delivery.addressSealed, delivery.id))
                    : preferences.phoneTarget(delivery.recipient);
        } catch (IllegalStateException e) {
            // sealed under a key no longer configured: no later run can open it either, so it must not loop
            park(delivery, "number does not open");
            return;
        }
        if (to.isEmpty()) {
            delivery.state = DeliveryState.CANCELLED;
            delivery.lastError = "no number or texts turned off";
            count(delivery.channel, "cancelled");
            return;
        }
        if (!fixed && preferences.keepsQuietHours(delivery.recipient)) {
            Optional<Instant> hold = quietHours().holdUntil(now);
            if (hold.isPresent()) {
                delivery.nextAttemptAt = hold.get();
                count(delivery.channel, "held");
                LOG.debugf("Delivery %s held for quiet hours until %s", delivery.id, delivery.nextAttemptAt);
                return;
            }
        }
        String templateCode = templateCode(delivery.eventType);
        if (delivery.channel == Channel.KAKAO && templateCode == null) {
            // the type's template code was withdrawn since the intake: 알림톡 cannot carry it, an SMS can
            fallBackToSms(delivery, now, "no alimtalk template");
            return;
        }
        delivery.attempts++;
        TextMessageProvider.SendResult result = delivery.channel == Channel.KAKAO
                ? provider.alimtalk(to.get(), templateCode, delivery.body, delivery.id)
                : provider.sms(to.get(), delivery.body, delivery.id);
        switch (result) {
            case TextMessageProvider.Accepted accepted -> {
                delivery.state = DeliveryState.SENT;
                delivery.lastError = null;
                count(delivery.channel, "sent");
            }
            case TextMessageProvider.NotAKakaoUser notKakao ->
                    fallBackToSms(delivery, now, HttpTextMessageProvider.NOT_A_KAKAO_USER);
            case TextMessageProvider.Rejected rejected -> park(delivery, rejected.why());
            case TextMessageProvider.Failed failed -> {
                delivery.lastError = failed.why();
                if (delivery.attempts >= settings.text().maxAttempts()) {
                    park(delivery, failed.why());
                } else {
                    delivery.nextAttemptAt = now.plus(backoff().after(delivery.attempts));
                    count(delivery.channel, "failed");
                    LOG.infof("Delivery %s (%s) failed (attempt %d, %s); next at %s", delivery.id, delivery.channel,
                            delivery.attempts, failed.why(), delivery.nextAttemptAt);
                }
            }
        }
    }

    /** 대체발송: the 알림톡 is done with (CANCELLED, why kept), one SMS of the same text takes its place. */
    private void fallBackToSms(Delivery kakao, Instant now, String why) {
        kakao.state = DeliveryState.CANCELLED;
        kakao.lastError = why;
        count(Channel.KAKAO, "fallback");
        UUID id = UUID.randomUUID();
        String fixedAddress = kakao.addressSealed == null ? null
                : cipher.openDeliveryAddress(kakao.addressSealed, kakao.id);
        em.createNativeQuery(INSERT_FALLBACK)
                .setParameter(1, id)
                .setParameter(2, kakao.eventId)
                .setParameter(3, kakao.recipient)
                .setParameter(4, kakao.eventType)
                .setParameter(5, kakao.source)
                .setParameter(6, kakao.petitionId)
                .setParameter(7, kakao.language)
                .setParameter(8, kakao.title)
                .setParameter(9, kakao.body)
                .setParameter(10, Timestamp.from(now))
                .setParameter(11, new TypedParameterValue<>(StandardBasicTypes.BINARY,
                        fixedAddress == null ? null : cipher.sealDeliveryAddress(fixedAddress, id)))
                .executeUpdate();
        LOG.infof("Delivery %s: no 알림톡 (%s); an SMS goes instead", kakao.id, why);
    }

    private void park(Delivery delivery, String why) {
        delivery.state = DeliveryState.PARKED;
        delivery.lastError = why;
        count(delivery.channel, "parked");
        LOG.warnf("Delivery %s (%s) parked after %d attempts (%s)", delivery.id, delivery.channel, delivery.attempts,
                why);
    }

    private String templateCode(String eventType) {
        return settings.text().alimtalkTemplates().get(eventType);
    }

    private QuietHours quietHours() {
        NotificationSettings.Text text = settings.text();
        return new QuietHours(text.quietFrom(), text.quietUntil(), text.zone());
    }

    private Backoff backoff() {
        return new Backoff(settings.text().initialBackoff(), settings.text().maxBackoff());
    }

    private void count(Channel channel, String outcome) {
        registry.counter("notification.text.attempts", "channel", channel.name(), "outcome", outcome).increment();
    }
}

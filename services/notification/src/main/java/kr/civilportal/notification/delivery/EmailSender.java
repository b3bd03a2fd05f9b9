package kr.civilportal.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kr.civilportal.notification.NotificationSettings;
import kr.civilportal.notification.preference.EmailMasking;
import kr.civilportal.notification.preference.Preferences;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the PENDING e-mail deliveries after the event's commit, on every replica: each e-mail in a transaction of its
 * own, its row taken {@code FOR UPDATE SKIP LOCKED} (a row is sent by one replica at a time), up to
 * {@code portal.notification.email.batch-size} per run. One transaction per e-mail, not per batch: a batch of slow
 * sends outlived the transaction time-out in a burst (500 e-mails on a busy machine), which rolled back the marks of
 * e-mails already sent, so they went out again; now a time-out or crash can repeat at most the one e-mail. A failed
 * attempt is retried after an exponential backoff; after {@code portal.notification.email.max-attempts} the delivery
 * is PARKED, and officials see it. The address is read (and decrypted) at sending time, so a citizen who removed it or
 * turned e-mail off meanwhile gets nothing (CANCELLED). A crash between sending and the commit sends that e-mail
 * again on the next run: e-mail is at least once, and the copy carries the same Message-ID ({@link MailMessageId}).
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    @Inject
    EntityManager em;
    @Inject
    ReactiveMailer mailer;
    @Inject
    Preferences preferences;
    @Inject
    NotificationSettings settings;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    Clock clock = Clock.systemUTC();

    @Scheduled(identity = "notification-email-sender", every = "${portal.notification.email.every}",
            delayed = "${portal.notification.email.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        for (int sent = 0; sent < settings.email().batchSize(); sent++) {
            if (!QuarkusTransaction.requiringNew().call(this::sendOne)) {
                return;
            }
        }
    }

    /** Sends the next due delivery in the caller's transaction; false when none is due. */
    boolean sendOne() {
        Instant now = Instant.now(clock);
        Optional<Delivery> due = DueDeliveries.next(em, now, Channel.EMAIL);
        due.ifPresent(d -> send(d, new Backoff(settings.email().initialBackoff(), settings.email().maxBackoff()), now));
        return due.isPresent();
    }

    private void send(Delivery delivery, Backoff backoff, Instant now) {
        delivery.updatedAt = now;
        Optional<String> to = preferences.emailTarget(delivery.recipient);
        if (to.isEmpty()) {
            delivery.state = DeliveryState.CANCELLED;
            count("cancelled");
            return;
        }
        delivery.attempts++;
        try {
            // bounded: an SMTP server that accepts the connection and then says nothing holds no row for long
            mailer.send(Mail.withText(to.get(), delivery.title, delivery.body)
                            .addHeader("Message-ID", MailMessageId.of(delivery.id, from)))
                    .await().atMost(settings.email().sendTimeout());
            delivery.state = DeliveryState.SENT;
            delivery.lastError = null;
            count("sent");
            LOG.debugf("Delivery %s sent to %s", delivery.id, EmailMasking.mask(to.get()));
        } catch (RuntimeException e) {
            // the exception's class only: SMTP answers may quote the address
            delivery.lastError = e.getClass().getSimpleName();
            if (delivery.attempts >= settings.email().maxAttempts()) {
                delivery.state = DeliveryState.PARKED;
                count("parked");
                LOG.warnf("Delivery %s to %s parked after %d attempts (%s)", delivery.id,
                        EmailMasking.mask(to.get()), delivery.attempts, delivery.lastError);
            } else {
                delivery.nextAttemptAt = now.plus(backoff.after(delivery.attempts));
                count("failed");
                LOG.infof("Delivery %s to %s failed (attempt %d, %s); next at %s", delivery.id,
                        EmailMasking.mask(to.get()), delivery.attempts, delivery.lastError, delivery.nextAttemptAt);
            }
        }
    }

    private void count(String outcome) {
        registry.counter("notification.email.attempts", "outcome", outcome).increment();
    }
}

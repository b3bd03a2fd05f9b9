package kr.civilportal.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The notification service's own settings ({@code portal.notification.*}). Values, with their %dev/%test/%prod
 * differences, are in application.properties only; this interface gives them types and says what each is for.
 * The Kafka channel ({@code mp.messaging.incoming.residency-events.*}), the SMTP server ({@code quarkus.mailer.*})
 * and the database are Quarkus' own settings.
 */
@ConfigMapping(prefix = "portal.notification")
public interface NotificationSettings {

    /** E-mail deliveries: sent after the commit by a scheduled sender, retried with backoff, then parked. */
    Email email();

    /** Citizens' e-mail addresses, encrypted at rest. */
    Cipher cipher();

    /** Storing an event's deliveries while the database fails: the same event is tried again, never skipped. */
    Intake intake();

    interface Intake {

        /** The first pause before an event is tried again (1s); it doubles after each further failure. */
        Duration initialBackoff();

        /** The longest pause between two tries (1m). */
        Duration maxBackoff();
    }

    interface Email {

        /** How often the sender looks for due PENDING e-mail deliveries (5s); read by the scheduler's annotation. */
        String every();

        /** The pause after start before the first run (10s), so a starting replica serves requests first. */
        String delay();

        /** E-mails sent per run and replica at most (20), each in its own transaction; rows are taken FOR UPDATE SKIP
         * LOCKED, so replicas share. */
        @WithDefault("20")
        int batchSize();

        /** Sending attempts before a delivery is PARKED for officials to see (6). */
        int maxAttempts();

        /** The pause after the first failed attempt (30s); it doubles after each further one. */
        Duration initialBackoff();

        /** The longest pause between two attempts (30m). */
        Duration maxBackoff();

        /** How long one e-mail may take to send (30s) before the attempt counts as failed. */
        Duration sendTimeout();
    }

    interface Cipher {

        /** The id of the AES-GCM key that seals new addresses; from a secret in production. */
        Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}, 32-byte keys), so addresses sealed under an older key still open. */
        Optional<String> keys();
    }
}

package kr.civilportal.passport;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The passport service's own settings ({@code portal.passport.*}). Their values, with the %dev/%test/%prod
 * differences, are in application.properties only; this interface gives them types and says what each is for.
 * The schedules ({@code every}, {@code delayed}) are read by the scheduler's annotations; they are declared here
 * so that every setting of the service has a type and a misspelt one stops the start. Retried writes are
 * configured by portal-common's {@code portal.idempotency.*}.
 */
@ConfigMapping(prefix = "portal.passport")
public interface PassportSettings {

    /** The identity check of applicants against residency. */
    IdentityCheck identityCheck();

    /** The automatic 반려 of applications whose supplement deadline passed. */
    SupplementDeadline supplementDeadline();

    /**
     * The automatic 반려 of applications whose online fee was not paid in time (payment/PaymentDeadlineJob); how long
     * an application may wait is {@code portal.passport.payment.awaiting-lifetime} (PaymentSettings).
     */
    PaymentDeadline paymentDeadline();

    interface PaymentDeadline {

        /**
         * How often the job looks for applications past their payment deadline (1 h: the deadline is days long, so
         * an hour later is no harm; it also bounds how often a provider that is down is asked again).
         */
        Duration every();

        /** After start-up, so that a rolling deployment's new replicas do not all look at once. */
        Duration delayed();

        /**
         * Applications one round takes (20): each may cost a provider call of up to 1.5 s with its row locked, so a
         * round stays under a minute even with a slow provider; another round follows while rounds are full.
         */
        int batch();
    }

    /** Officers' reads of applicants' photos, as the applicant lists them. */
    PhotoReads photoReads();

    /**
     * The at-rest key ring of the documents sent with a 보완 answer (supplement/SupplementDocumentCipher): passport's
     * own, from the Secret {@code passport-document-keys} in production, where the cipher refuses to start without it.
     */
    Documents documents();

    interface Documents {

        /** The id of the AES-256-GCM key that seals new documents. */
        java.util.Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}, 32-byte keys), so documents sealed under an earlier key still open. */
        java.util.Optional<String> keys();
    }

    /** The documents an applicant sends with a 보완 answer (docs/supplement-documents.md). */
    SupplementDocuments supplementDocuments();

    interface SupplementDocuments {

        /**
         * The most documents one answer carries (3): what an officer asks besides a new photo is a certificate or two
         * (a family-relation certificate, a name-change record); the gateway's body limit for the path is sized on it.
         */
        int maxCount();

        /** The largest document (2M): a scanned page or a phone's photo of a paper, not a book. */
        @io.smallrye.config.WithConverter(io.quarkus.runtime.configuration.MemorySizeConverter.class)
        io.quarkus.runtime.configuration.MemorySize maxBytes();
    }

    /** The reminders the day before a booked pickup and before a supplement deadline (ReminderJob). */
    Reminders reminders();

    interface Reminders {

        /**
         * How often the job looks for what to remind of (15 min: a booking made in the evening for the next day is
         * still reminded of the same evening).
         */
        Duration every();

        /** After start-up, so that a rolling deployment's new replicas do not all look at once. */
        Duration delayed();

        /** How many days before the pickup or the deadline the applicant is reminded (1: the day before). */
        int daysAhead();

        /** Reminders written per transaction (50: short transactions, rows locked briefly). */
        int batch();
    }

    /** The statutory processing period (민원 처리기간) and the days that do not count. */
    Processing processing();

    /** Where applications are received (관할). */
    Offices offices();

    interface Offices {

        /**
         * The office an application goes to when the applicant names none (clients written before offices existed).
         * Unset in production: there an application must name its office (400 otherwise).
         */
        java.util.Optional<String> defaultOffice();
    }

    interface Processing {

        /**
         * The period in working days from the day of receipt (8: 여권 발급 as listed in the 민원 처리기준표; to be
         * confirmed against the current 민원사무 편람 before production).
         */
        int workingDays();

        // The public holidays are not the passport office's own: portal.public-holidays (WorkingDays.SETTING), kept
        // once for every service in portal-common.
    }

    interface PhotoReads {

        /** The newest reads an applicant gets in one list (100): years of an applicant's passports fit. */
        int listed();
    }

    interface SupplementDeadline {

        /** How often the job looks for passed deadlines (hourly: a deadline is a day, so this rejects within an hour). */
        Duration every();

        /** After start-up, so that a rolling deployment's new replicas do not all look at once. */
        Duration delayed();

        /** Applications rejected per transaction (50: short transactions, locks held briefly). */
        int batch();
    }

    /**
     * Whether demo applications and pickup slots are seeded at start (off in prod; on in dev and test so an
     * officer has something to look at).
     */
    boolean demoData();

    interface IdentityCheck {

        /** How often the background job looks for due checks (15 s; 1 s in tests so they do not wait long). */
        Duration every();

        /** The first round's delay after start (5 s), so a starting replica first serves. */
        Duration delayed();

        /**
         * The pause before a pending check is asked again after its first failure (10 s): long enough for a
         * residency restart, short enough that an applicant waits seconds, not minutes. Doubles per failure.
         */
        Duration retryBase();

        /** The longest pause between two tries (10 min), so a long residency outage is not hammered. */
        Duration retryMax();

        /**
         * How long a replica holds a claimed check (1 min): longer than a residency call with its retries, so
         * another replica does not take it meanwhile; short enough that a crashed replica's claim lapses soon.
         */
        Duration lease();

        /** The most checks one round of the background job takes (50), so one round stays short. */
        int batch();
    }
}

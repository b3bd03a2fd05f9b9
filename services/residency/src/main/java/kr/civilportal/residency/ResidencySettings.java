package kr.civilportal.residency;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.civilportal.residency.address.AddressRegisterLoader;

/**
 * The residency service's own settings ({@code portal.residency.*}). Their values, with the %dev/%test/%prod
 * differences, are in application.properties only; this interface gives them types and says what each is for.
 * The registration numbers' keys are read by the cipher's producer and the certificates' settings where
 * certificates are made and signed; they are declared here so that every setting of the service has a type and a
 * misspelt one stops the start. Retried writes are configured by portal-common's {@code portal.idempotency.*}.
 */
@ConfigMapping(prefix = "portal.residency")
public interface ResidencySettings {

    /**
     * Whether the residents behind the dev realm's demo users are seeded at start (off in prod; on in dev and
     * test, where the tests sign in as them).
     */
    boolean demoData();

    /**
     * How many synthetic residents a load test needs, created at start where missing (0 = none, as everywhere
     * but a load-test environment; e.g. 100000).
     */
    int loadTestResidents();

    /** Resident registration numbers, encrypted at rest and found by an HMAC. */
    Rrn rrn();

    /** Certificates (등본·초본) and their public verification (진위확인). */
    Certificate certificate();

    /**
     * The offices move-ins are routed to (관할 기관), by id: the ids the realm's user attribute {@code office}
     * gives officials. A deployment lists its own; an address no office's region matches goes to every officer.
     */
    Map<String, Office> offices();

    /** The statutory processing period of a move-in report (민원 처리기간) and the hours that count. */
    Processing processing();

    /** The road-name address register (도로명주소) move-ins are checked against, and its search. */
    AddressRegister addressRegister();

    interface AddressRegister {

        /**
         * The register's file, loaded at start ({@code classpath:…} for one on the class path, else a path on disk):
         * the extract of the demo districts in dev and test, the full monthly file of 행정안전부 in production.
         */
        String file();

        /**
         * When a start reads the file: {@code when-changed} (only when its SHA-256 is not that of the file loaded
         * last), or {@code always} (to put back rows changed in the database by hand).
         */
        AddressRegisterLoader.Reload reload();

        /**
         * The most rows one search answers (10): a person picks their building from a short list, and a vaguer query
         * ("서울") should be narrowed rather than paged through.
         */
        int searchLimit();
    }

    /** 세대주 변경신고. */
    HeadChange headChange();

    interface HeadChange {

        /**
         * How long a decided head change stays in its filer's and new head's list, in days (30): long enough to read
         * how it ended, short enough that the list shows what is current; the history itself is kept two years.
         */
        int recentDays();
    }

    /** 보완 of move-in reports: how far ahead a deadline may be set, and the automatic 반려 once it has passed. */
    SupplementDeadline supplementDeadline();

    interface SupplementDeadline {

        /**
         * The latest deadline an officer may give, in calendar days after today (30): a move-in report is a one-day
         * petition; a month is ample to produce a lease or a certificate, and a longer wait leaves the resident
         * registered at an address they left (the 전입신고 itself is due within 14 days of moving).
         */
        int longestDays();

        /** How often the job looks for passed deadlines (hourly: a deadline is a day, so this rejects within an hour). */
        java.time.Duration every();

        /** After start-up, so that a rolling deployment's new replicas do not all look at once. */
        java.time.Duration delayed();

        /** Reports rejected per transaction (50: short transactions, locks held briefly). */
        int batch();
    }

    /** The documents a filer sends with a 보완 answer (docs/supplement-documents.md). */
    SupplementDocuments supplementDocuments();

    interface SupplementDocuments {

        /**
         * The most documents one answer carries (3): what an officer asks for is a lease, a certificate, a photo of a
         * paper; more is a sign of the wrong upload, and the gateway's body limit for the path counts on it.
         */
        int maxCount();

        /**
         * The largest document (2M): a scanned page or a phone photo; the gateway's 7 MB for the path is this times
         * {@link #maxCount()} plus the text.
         */
        @io.smallrye.config.WithConverter(io.quarkus.runtime.configuration.MemorySizeConverter.class)
        io.quarkus.runtime.configuration.MemorySize maxBytes();
    }

    interface Processing {

        /**
         * The period in office hours from the moment a report reaches the officers (8: one day, as 전입신고 is listed
         * with a processing period of one day for an online report; a period of five days or less is counted in
         * hours, a day being eight office hours). To be confirmed against the current 민원사무 편람 before production.
         */
        int hours();

        /** The office hours that count, in order ({@code 09:00-12:00,13:00-18:00}: the lunch hour does not). */
        List<String> officeHours();

        // The public holidays are not the residency office's own: portal.public-holidays (WorkingDays.SETTING),
        // kept once for every service in portal-common.
    }

    interface Office {

        /** The office's name, as officers and citizens read it (e.g. 종로구청). */
        String name();

        /** Where its addresses begin: 시·도 and 시·군·구, as written in an address (e.g. 서울특별시 종로구). */
        List<String> regions();
    }

    interface Rrn {

        /**
         * The id of the AES-GCM key that encrypts new numbers; from a secret in production, where the cipher's
         * producer refuses to start without it.
         */
        Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}), so numbers encrypted under an earlier key still decrypt. */
        Optional<String> keys();

        /** The HMAC key of the exact look-up by number (a number is never stored in the clear to search on). */
        Optional<String> lookupKey();

        /** Re-sealing numbers still under an older key after a rotation. */
        Reseal reseal();
    }

    interface Reseal {

        /**
         * Rows re-sealed per transaction (200): small enough that the rows locked at once never hold up a move-in
         * being registered beside them.
         */
        int batchSize();

        /** How often the job looks for rows under an older key (10m); read by the scheduler's annotation. */
        String every();

        /** The pause after start before the first look (1m), so a starting replica serves citizens first. */
        String delay();
    }

    interface Certificate {

        /** The issuing office named on every certificate. */
        String issuer();

        /**
         * The public verification page the QR code on a certificate opens, followed by the issuance number; per
         * environment, because it names the portal's public address.
         */
        String verificationUrl();
    }

    /** The reminder the day before a move-in's supplement deadline still unanswered (reminder/SupplementReminderJob). */
    Reminders reminders();

    interface Reminders {

        /**
         * How often the job looks for what to remind of (15m: a deadline is a day, so a filer is reminded early in
         * the day before; the look is one indexed query when there is nothing to remind of).
         */
        Duration every();

        /** After start-up, so that a rolling deployment's new replicas do not all look at once. */
        Duration delayed();

        /** Reminders written per transaction (50: short transactions, reports locked briefly). */
        int batch();
    }
}

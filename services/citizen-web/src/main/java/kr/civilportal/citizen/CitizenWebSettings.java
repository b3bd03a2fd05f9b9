package kr.civilportal.citizen;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * citizen-web's own settings ({@code portal.web.citizen.*}). Their values are in application.properties only;
 * this interface gives them types and says what each is for. The page settings both web apps share
 * ({@code portal.web.*}: language, home path, assets, waiting room) belong to web-common's WebPageSettings.
 */
@ConfigMapping(prefix = "portal.web.citizen")
public interface CitizenWebSettings {

    /** The land search. */
    Land land();

    /** The passport application form and its drafts. */
    Passport passport();

    /** A passport fee paid online: where the payment provider sends the citizen back to. */
    Payment payment();

    /** The verification of a certificate or extract a citizen presents. */
    Verification verification();

    /** The 119 reports a signed-in citizen filed, listed on 나의 민원. */
    Reports reports();

    /** 알림함 and the menu's unread count. */
    Notification notification();

    /** The keys what citizen-web keeps is encrypted under (passport drafts, filed 119 reports). */
    Encryption encryption();

    /** The documents of a move-in's 보완 answer, as the form tells the citizen residency's limits. */
    SupplementDocuments supplementDocuments();

    interface SupplementDocuments {

        /**
         * The service's limits (residency's portal.residency.supplement-documents.*, passport's
         * portal.passport.supplement-documents.*; docs/supplement-documents.md), written next to the file input only:
         * the service checks them and its refusal is shown at the field. At most this many files (3) ...
         */
        int maxCount();

        /** ... of at most this size each (2 MB). */
        MemorySize maxSize();
    }

    interface Notification {
        /** Notifications per page of 알림함 (20); the service allows at most 100. */
        int pageSize();

        /**
         * After the unread count for the menu failed (down, slow), how long the pages show none without asking (30 s),
         * so a slow notification service costs one page its short time-out, not every page.
         */
        Duration badgePause();
    }

    interface Land {

        /** Parcels per page (20); land-registry allows at most 100. */
        int pageSize();
    }

    interface Passport {

        /** How long an untouched draft is shown and kept (7 days). */
        Duration draftRetention();

        /** How often the scheduled purge deletes drafts past their retention (hourly). */
        String draftPurgeInterval();

        /**
         * The passport service's own photo limit (500 KB), checked here first so a citizen on a phone hears at once
         * that a file is too large.
         */
        int maxPhotoBytes();

        /** The documents of a 보완 제출, as the form tells the citizen passport's limits. */
        SupplementDocuments supplementDocuments();
    }

    interface Payment {

        /**
         * The pages' public address as the citizen's browser reaches them (the gateway's, which serves the pages):
         * the provider's page sends the citizen back to {@code <this>/my/petitions/passport/{id}?payment=returned}.
         * Passport accepts only return addresses under its own list of prefixes.
         */
        String publicBaseUrl();
    }

    interface Verification {

        /** A presented certificate's or extract's PDF (as issued: tens of KB): the services' own limit (2 MB). */
        MemorySize maxDocumentSize();
    }

    interface Reports {

        /**
         * How long an account keeps its link to a 119 report it filed (30 days): long enough to follow the report
         * to its end, no longer, because the link says who reported an emergency.
         */
        Duration retention();

        /** How many of them 나의 민원 shows, newest first (20). */
        int listed();

        /** How often the scheduled purge forgets reports past the retention (hourly). */
        String purgeInterval();
    }

    /**
     * AES-256-GCM key ring for the drafts' choices and photo and the filed reports' receipt tokens: {@code id:base64} pairs of 32-byte keys; the active one
     * seals, all open (rotation). Production takes both from a secret.
     */
    interface Encryption {

        String activeKeyId();

        String keys();
    }
}

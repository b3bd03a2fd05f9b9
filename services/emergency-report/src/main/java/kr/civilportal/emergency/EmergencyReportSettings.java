package kr.civilportal.emergency;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import kr.civilportal.emergency.attachment.AttachmentLimits;

/**
 * The emergency-report service's own settings ({@code portal.emergency.*}). Their values, with the
 * %dev/%test/%prod differences, are in application.properties only; this interface gives them types and says
 * what each is for. The phone cipher's and the call-back seal's keys are read by their producers; they are
 * declared here so that every setting of the service has a type and a misspelt one stops the start. Retried
 * writes are configured by portal-common's {@code portal.idempotency.*}.
 */
@ConfigMapping(prefix = "portal.emergency")
public interface EmergencyReportSettings {

    /** Limits on the photos and videos sent with a report. */
    AttachmentLimits attachments();

    /** The dispatchers' live board. */
    Dispatch dispatch();

    /** Reporters' phone numbers, encrypted at rest. */
    Phone phone();

    /** Call-back numbers sealed for the notification service in the dispatch steps' events. */
    CallbackSeal callbackSeal();

    /**
     * Whether a few demo reports are seeded at start (off in prod; on in dev and test so the dispatcher demo
     * user has something to look at).
     */
    boolean demoData();

    interface Dispatch {

        /**
         * How often the live board's event stream sends a heartbeat (15 s): below the idle time-outs of common
         * proxies and load balancers (30-60 s), so an idle board's stream is not closed under the dispatcher.
         */
        Duration heartbeat();

        /** The connection that listens for board notifications of every replica. */
        Listener listener();
    }

    interface Listener {

        /**
         * The pause before the listener listens again after its connection broke (1 s): a database that is
         * down is not hammered. While it lasts the replica is not ready.
         */
        Duration reconnectBackoff();
    }

    interface Phone {

        /**
         * The id of the AES-GCM key that encrypts new numbers; from a secret in production, where the cipher's
         * producer refuses to start without it.
         */
        Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}), so numbers encrypted under an earlier key still decrypt. */
        Optional<String> keys();

        /** Re-sealing numbers still under an older key after a rotation. */
        Reseal reseal();
    }

    interface CallbackSeal {

        /**
         * The id of the AES-GCM key that seals call-back numbers into events; from a secret in production, where
         * the seal's producer refuses to start without it (every dispatch step writes an event).
         */
        Optional<String> activeKeyId();

        /**
         * The ring shared with the notification service ({@code id:base64,...}, 32-byte keys). Only the active key
         * seals here; the others are listed so that the same secret serves both services.
         */
        Optional<String> keys();
    }

    interface Reseal {

        /**
         * Rows re-sealed per transaction (200): small enough that the rows locked at once never hold up the
         * reports being written beside them.
         */
        int batchSize();

        /** How often the job looks for rows under an older key (10m); read by the scheduler's annotation. */
        String every();

        /** The pause after start before the first look (1m), so a starting replica serves reports first. */
        String delay();
    }
}

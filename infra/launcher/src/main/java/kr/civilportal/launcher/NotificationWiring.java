package kr.civilportal.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the launcher tells the apps about notifications (Kafka, the mail catcher, the text-message sink, the
 * notification service), by {@link PortalOptions#notifications()}: the services with an outbox their relays' broker,
 * the notification service its broker, mail server and text-message provider, the gateway the
 * {@code /api/notification} route. Without notifications: nothing of that, so their outbox rows wait and the gateway
 * has no such route (404). The one exception is the 119 call-back seal ({@link #emergencyConfig}).
 */
final class NotificationWiring {

    /** The sender of the portal's mail (the notification service's {@code quarkus.mailer.from}). */
    static final String MAIL_FROM = "noreply@civilportal.example";

    /*
     * The key ring 119 seals a reporter's call-back number with for the notification service (docs/events.md, "119:
     * the call-back number, sealed"): emergency-report seals with the active key, notification opens with every key,
     * so both must be given this one ring. A development key, fixed rather than made per portal: sealed numbers
     * wait in emergency-report's outbox and in Kafka across restarts, and must still open after the next `up`.
     * Never a production key: in Kubernetes the ring is the Secret emergency-callback-seal-keys.
     */
    static final String CALLBACK_SEAL_KEY_ID = "dev-2026";
    static final String CALLBACK_SEAL_KEY = "CTZJXig/lUi220NAP3KlxJhdMnKzP/VI/NvQOE1JuBU=";
    /** The ring as both services read it: {@code id:base64,id:base64}. */
    static final String CALLBACK_SEAL_KEYS = CALLBACK_SEAL_KEY_ID + ":" + CALLBACK_SEAL_KEY;

    private NotificationWiring() {
    }

    static String bootstrapServers(PortalOptions options) {
        return "localhost:" + options.kafkaPort();
    }

    /** The services with an outbox (residency, passport) publish their events to {@code <service>.events} there. */
    static Map<String, String> publisherConfig(PortalOptions options) {
        return options.notifications() ? Map.of("kafka.bootstrap.servers", bootstrapServers(options)) : Map.of();
    }

    /**
     * The notification service: the broker and the mail catcher (plain SMTP, no login, never the dev profile's mock
     * mailer). Its database, OIDC and realm keys come as every service's; its at-rest cipher keys from its own
     * {@code %dev} properties ({@code portal.notification.*}), as residency's and emergency-report's do.
     */
    static Map<String, String> notificationConfig(PortalOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers(options));
        config.put("quarkus.mailer.host", "localhost");
        config.put("quarkus.mailer.port", Integer.toString(options.smtpPort()));
        config.put("quarkus.mailer.from", MAIL_FROM);
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.tls", "false");
        // SMS and 알림톡: the text-message sink answers both of the provider's calls (docs/text-messages.md).
        config.put("portal.notification.text.sms-url", textSinkUrl(options));
        config.put("portal.notification.text.alimtalk-url", textSinkUrl(options));
        config.put("portal.notification.callback-seal.active-key-id", CALLBACK_SEAL_KEY_ID);
        config.put("portal.notification.callback-seal.keys", CALLBACK_SEAL_KEYS);
        return config;
    }

    static String textSinkUrl(PortalOptions options) {
        return "http://localhost:" + options.textSinkPort();
    }

    /**
     * emergency-report's sealing key, with notifications or without: it seals when it writes a report's event to its
     * outbox, and those rows wait for a portal with notifications (which must then open them).
     */
    static Map<String, String> emergencyConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portal.emergency.callback-seal.active-key-id", CALLBACK_SEAL_KEY_ID);
        config.put("portal.emergency.callback-seal.keys", CALLBACK_SEAL_KEYS);
        return config;
    }

    /**
     * The gateway's route to the notification service (its addresses come with the others' as
     * {@code quarkus.stork.notification.*}); the route's other settings are the gateway's defaults.
     */
    static Map<String, String> gatewayRoute(PortalOptions options) {
        if (!options.notifications()) {
            return Map.of();
        }
        PortalApp n = PortalApp.NOTIFICATION;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portal.gateway.routes." + n.id() + ".path-prefix", n.routePrefix() + "/");
        config.put("portal.gateway.routes." + n.id() + ".timeout", "2s");
        return config;
    }
}

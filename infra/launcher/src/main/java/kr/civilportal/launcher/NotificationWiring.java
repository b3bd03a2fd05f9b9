package kr.civilportal.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the launcher tells the apps about notifications (Kafka, the mail catcher, the notification service), by
 * {@link PortalOptions#notifications()}: residency, passport and land-registry their outbox relays' broker, the
 * notification service its broker and mail server, the gateway the {@code /api/notification} route. Without
 * notifications: nothing at all, so their outbox rows wait and the gateway has no such route (404).
 */
final class NotificationWiring {

    /** The sender of the portal's mail (the notification service's {@code quarkus.mailer.from}). */
    static final String MAIL_FROM = "noreply@civilportal.example";

    private NotificationWiring() {
    }

    static String bootstrapServers(PortalOptions options) {
        return "localhost:" + options.kafkaPort();
    }

    /**
     * The services with an outbox (residency, passport, land-registry) publish their events to
     * {@code <service>.events} there.
     */
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

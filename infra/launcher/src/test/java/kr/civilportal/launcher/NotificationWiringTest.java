package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What residency, the notification service and the gateway are told, with notifications and without. */
class NotificationWiringTest {

    @TempDir
    Path work;

    @Test
    void withNotificationsResidencyPublishesAndTheNotificationServiceReachesKafkaAndTheMailCatcher() {
        PortalOptions options = PortalOptions.defaults(PortalHome.locate());

        assertEquals(Map.of("kafka.bootstrap.servers", "localhost:8191"), NotificationWiring.publisherConfig(options));
        Map<String, String> notification = NotificationWiring.notificationConfig(options);
        assertEquals("localhost:8191", notification.get("kafka.bootstrap.servers"));
        assertEquals("localhost", notification.get("quarkus.mailer.host"));
        assertEquals("8193", notification.get("quarkus.mailer.port"));
        assertEquals("noreply@civilportal.example", notification.get("quarkus.mailer.from"));
        assertEquals("false", notification.get("quarkus.mailer.mock"));
        assertEquals("http://localhost:8196", notification.get("portal.notification.text.sms-url"));
        assertEquals("http://localhost:8196", notification.get("portal.notification.text.alimtalk-url"));
        assertEquals("/api/notification/",
                NotificationWiring.gatewayRoute(options).get("portal.gateway.routes.notification.path-prefix"));
    }

    @Test
    void everyServiceWithAnOutboxPublishes() {
        assertEquals(java.util.List.of(PortalApp.RESIDENCY, PortalApp.PASSPORT, PortalApp.LAND_REGISTRY,
                PortalApp.EMERGENCY_REPORT), PortalApp.publishesEvents());
        for (PortalApp app : PortalApp.publishesEvents()) {
            assertTrue(KafkaServer.PORTAL_TOPICS.contains(app.id() + ".events"), app.id() + " has its topic");
        }
    }

    @Test
    void emergencyReportSealsTheCallBackNumberWithTheKeyRingTheNotificationServiceOpensWith() {
        PortalOptions options = PortalOptions.defaults(PortalHome.locate());
        Map<String, String> notification = NotificationWiring.notificationConfig(options);
        Map<String, String> emergency = NotificationWiring.emergencyConfig();

        assertEquals("dev-2026", emergency.get("portal.emergency.callback-seal.active-key-id"));
        assertEquals(emergency.get("portal.emergency.callback-seal.active-key-id"),
                notification.get("portal.notification.callback-seal.active-key-id"));
        assertEquals(emergency.get("portal.emergency.callback-seal.keys"),
                notification.get("portal.notification.callback-seal.keys"));
        // id:base64 of a 32-byte AES-256 key, as docs/events.md gives the ring.
        String[] ring = emergency.get("portal.emergency.callback-seal.keys").split(":", 2);
        assertEquals("dev-2026", ring[0]);
        assertEquals(32, java.util.Base64.getDecoder().decode(ring[1]).length);
    }

    @Test
    void withoutNotificationsResidencyGetsNoBrokerAndTheGatewayNoRoute() {
        PortalOptions isolated = PortalOptions.isolated(PortalHome.locate(), 12_500, work);

        assertTrue(NotificationWiring.publisherConfig(isolated).isEmpty(), "its outbox rows wait");
        assertTrue(NotificationWiring.gatewayRoute(isolated).isEmpty());
        assertTrue(NotificationWiring.publisherConfig(PortalOptions.defaults(PortalHome.locate()).withoutNotifications())
                .isEmpty());
        assertEquals(Map.of("kafka.bootstrap.servers", "localhost:20691"),
                NotificationWiring.publisherConfig(isolated.withNotifications()));
        assertEquals("http://localhost:20696", NotificationWiring.notificationConfig(isolated.withNotifications())
                .get("portal.notification.text.sms-url"), "the sink's port shifts with the others");
    }
}

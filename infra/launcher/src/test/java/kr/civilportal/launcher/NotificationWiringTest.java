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
        assertEquals("/api/notification/",
                NotificationWiring.gatewayRoute(options).get("portal.gateway.routes.notification.path-prefix"));
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
    }
}

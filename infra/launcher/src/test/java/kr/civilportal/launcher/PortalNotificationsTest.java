package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal's infrastructure with notifications (PostgreSQL, the signing authority, Kafka, the mail catcher, the
 * text-message sink; Keycloak named but not started: nothing here asks it), on an isolated portal's ports (offset
 * 13 500): the controls a system test uses to take Kafka away and bring it back, and a portal without notifications
 * refusing them.
 */
class PortalNotificationsTest {

    static final int PORT_OFFSET = 13_500;

    @TempDir
    Path work;

    private Portal portal;

    @AfterEach
    void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void kafkaIsStoppedAndStartedAgainThroughThePortal() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withNotifications()
                .withSharedKeycloak(KeycloakServer.elsewhere(PortalOptions.KEYCLOAK_PORT + PORT_OFFSET));
        portal = Portal.startInfrastructure(options, progress::add);

        assertTrue(portal.kafka().isAlive());
        assertEquals("localhost:" + options.kafkaPort(), portal.kafka().bootstrapServers());
        assertTrue(portal.status().get("kafka").startsWith("localhost:" + options.kafkaPort()), portal.status().toString());
        assertTrue(portal.status().get("mail-catcher").contains("/api/user/<recipient>/messages/"));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("Kafka ready")), progress.toString());
        try (Admin admin = portal.kafka().admin(java.time.Duration.ofSeconds(30))) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(KafkaServer.PORTAL_TOPICS));
        }

        // (kill -9 and a start on the same data: KafkaServerTest)
        portal.stopKafka();
        assertFalse(portal.kafka().isAlive());
        assertEquals("stopped", portal.status().get("kafka"));
        portal.startKafka();
        try (Admin admin = portal.kafka().admin(java.time.Duration.ofSeconds(30))) {
            assertEquals(3, admin.describeTopics(List.of("residency.events")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("residency.events").partitions().size());
        }

        MailCatcherTest.sendSmtp(options.smtpPort(), Portal.MAIL_FROM, "citizen@example.com", "안녕하세요", "본문");
        assertTrue(portal.mailCatcher().messagesFor("citizen@example.com").contains("citizen@example.com"));

        // The text-message sink started with them, where the notification service is told to send.
        assertEquals(NotificationWiring.textSinkUrl(options), portal.textSink().url());
        assertTrue(portal.status().get("text-sink").contains("/v1/messages?to=<number>"), portal.status().toString());
        assertEquals("[]", portal.textSink().messagesFor("01012345678"));
    }

    @Test
    void aPortalWithoutNotificationsHasNoKafkaToStop() {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(KeycloakServer.elsewhere(PortalOptions.KEYCLOAK_PORT + PORT_OFFSET));
        portal = Portal.startInfrastructure(options, line -> { });

        assertThrows(IllegalStateException.class, portal::stopKafka);
        assertThrows(IllegalStateException.class, portal::startKafka);
        assertThrows(IllegalStateException.class, portal::mailCatcher);
        assertThrows(IllegalStateException.class, portal::textSink);
        assertFalse(portal.status().containsKey("kafka"));
        assertFalse(portal.status().containsKey("text-sink"));
        assertEquals(-1, Http.status(NotificationWiring.textSinkUrl(options) + "/v1/messages?to=01012345678"),
                "no sink listens");
    }
}

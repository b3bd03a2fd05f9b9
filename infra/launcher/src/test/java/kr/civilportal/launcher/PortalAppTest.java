package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import kr.civilportal.launcher.signing.DevSigningAuthority;
import org.junit.jupiter.api.Test;

/** The apps' ports never meet, whatever the replicas; the payment sandbox is outside the gateway's routes. */
class PortalAppTest {

    @Test
    void noTwoReplicasOfAnyAppsShareAPortNorMeetTheLaunchersOwn() {
        Map<Integer, String> taken = new HashMap<>();
        taken.put(PortalOptions.CONTROL_PORT, "control");
        taken.put(PortalOptions.KEYCLOAK_PORT, "keycloak");
        taken.put(DevSigningAuthority.DEFAULT_PORT, "signing authority");
        for (PortalApp app : PortalApp.values()) {
            for (int r = 0; r < PortalApp.MAX_REPLICAS; r++) {
                int port = app.port(r, 0);
                String earlier = taken.put(port, app.id() + "-" + r);
                assertNull(earlier, app.id() + "-" + r + " on " + port + " meets " + earlier);
                assertTrue(port < PortalOptions.KEYCLOAK_PORT, app.id() + "-" + r + " above Keycloak's port");
            }
        }
    }

    @Test
    void thePaymentSandboxIsTheOutsideWorldNotAServiceBehindTheGateway() {
        PortalApp sandbox = PortalApp.byId("payment-sandbox");
        assertEquals(PortalApp.PAYMENT_SANDBOX, sandbox);
        assertEquals(8087, sandbox.port(0, 0));
        assertEquals("paymentsandbox", sandbox.database());
        assertNull(sandbox.routePrefix());
        assertFalse(PortalApp.services().contains(sandbox));
        assertFalse(PortalApp.webApps().contains(sandbox));
        assertEquals(java.util.List.of(sandbox), PortalApp.outsideWorld());
        assertFalse(sandbox.synchronousAtSecondSite());
        assertFalse(sandbox.signsDocuments());
    }

    @Test
    void kafkaTheMailCatcherAndTheTextSinkMeetNoPortOfTheScheme() {
        Map<Integer, String> taken = new HashMap<>();
        taken.put(PortalOptions.CONTROL_PORT, "control");
        taken.put(PortalOptions.KEYCLOAK_PORT, "keycloak");
        taken.put(DevSigningAuthority.DEFAULT_PORT, "signing authority");
        for (PortalApp app : PortalApp.values()) {
            for (int r = 0; r < PortalApp.MAX_REPLICAS; r++) {
                taken.put(app.port(r, 0), app.id() + "-" + r);
            }
        }
        PortalOptions options = PortalOptions.defaults(PortalHome.locate());
        for (int port : new int[] {options.kafkaPort(), options.kafkaControllerPort(), options.smtpPort(),
                options.imapPort(), options.mailApiPort(), options.textSinkPort()}) {
            assertNull(taken.put(port, "notifications"), port + " is taken by " + taken.get(port));
            assertTrue(port >= 8080 && port <= 8210, port + " within the contract's 8080-8210");
        }
    }

    @Test
    void theNotificationServiceRunsOnlyWithNotificationsAndIsNotAmongTheServicesEveryPortalRuns() {
        PortalApp notification = PortalApp.byId("notification");
        assertEquals(8088, notification.port(0, 0));
        assertEquals(8098, notification.port(1, 0));
        assertEquals("notification", notification.database());
        assertEquals("/api/notification", notification.routePrefix());
        assertFalse(PortalApp.services().contains(notification));
        assertEquals(java.util.List.of(notification), PortalApp.notifications());

        PortalOptions defaults = PortalOptions.defaults(PortalHome.locate());
        assertTrue(defaults.notifications(), "infra/portal up runs them");
        assertEquals(1, defaults.replicasOf(notification));
        assertEquals(0, defaults.withoutNotifications().replicasOf(notification));
        PortalOptions isolated = PortalOptions.isolated(PortalHome.locate(), 500, java.nio.file.Path.of("/tmp/x"));
        assertFalse(isolated.notifications(), "system tests opt in");
        assertEquals(0, isolated.replicasOf(notification));
        assertEquals(2, isolated.withNotifications().withReplicas(notification, 2).replicasOf(notification));
        assertEquals(8691, isolated.kafkaPort());
        assertEquals(isolated.postgresData().resolveSibling("kafka"), isolated.kafkaData());
    }
}

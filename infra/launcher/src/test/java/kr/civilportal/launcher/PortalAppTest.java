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
}

package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox and passport get one portal's secrets and each other's addresses, shifted with the portal's ports. */
class PaymentSandboxWiringTest {

    @TempDir
    Path work;

    @Test
    void bothSidesShareThePortalsSecretsAndFindEachOtherAtTheShiftedPorts() {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), 4000, work);
        int offset = options.portOffset();
        PaymentSandboxWiring wiring = PaymentSandboxWiring.random();

        Map<String, String> sandbox = wiring.sandboxConfig(options);
        Map<String, String> passport = wiring.passportConfig(options);

        assertEquals(sandbox.get("portal.payment-sandbox.api-key"), passport.get("portal.passport.payment.api-key"));
        assertEquals(sandbox.get("portal.payment-sandbox.webhook-secret"),
                passport.get("portal.passport.payment.webhook-secret"));
        assertTrue(sandbox.get("portal.payment-sandbox.api-key").matches("[0-9a-f]{64}"));
        assertEquals("http://localhost:" + (8080 + offset) + "/api/passport/v1/payment-notifications",
                sandbox.get("portal.payment-sandbox.webhook-url"));
        assertEquals("http://localhost:" + (8087 + offset), sandbox.get("portal.payment-sandbox.public-url"));
        assertEquals("http://localhost:" + (8087 + offset), passport.get("portal.passport.payment.provider-url"));
        assertEquals("http://localhost:" + (8080 + offset) + "/my/",
                passport.get("portal.passport.payment.return-url-prefixes"));
    }

    @Test
    void everyPortalHasSecretsOfItsOwnAndNeverPrintsThem() {
        PaymentSandboxWiring one = PaymentSandboxWiring.random();
        PaymentSandboxWiring other = PaymentSandboxWiring.random();

        assertNotEquals(one.apiKey(), other.apiKey());
        assertNotEquals(one.webhookSecret(), other.webhookSecret());
        assertNotEquals(one.apiKey(), one.webhookSecret());
        assertFalse(one.toString().contains(one.apiKey()) || one.toString().contains(one.webhookSecret()));
    }
}

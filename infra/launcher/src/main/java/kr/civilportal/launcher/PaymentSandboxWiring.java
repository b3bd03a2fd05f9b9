package kr.civilportal.launcher;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payment sandbox and its one client, passport, configured for one portal: a random API key and webhook secret
 * made when the portal is (never a value anyone else knows, unlike the %dev defaults), given to both sides, and the
 * addresses between them (passport calls the sandbox directly, as a PG's API; the sandbox's webhooks come back
 * through the gateway, as a PG's would; the citizen returns to the citizen pages under the gateway's /my/).
 */
record PaymentSandboxWiring(String apiKey, String webhookSecret) {

    /** Where passport receives the webhooks, behind the gateway (docs/fee-payment.md, section 2). */
    static final String NOTIFICATIONS_PATH = "/api/passport/v1/payment-notifications";
    /** The citizen pages a payment may return to. */
    static final String RETURN_PATH_PREFIX = "/my/";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static PaymentSandboxWiring random() {
        return new PaymentSandboxWiring(randomSecret(), randomSecret());
    }

    Map<String, String> sandboxConfig(PortalOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portal.payment-sandbox.api-key", apiKey);
        config.put("portal.payment-sandbox.webhook-secret", webhookSecret);
        config.put("portal.payment-sandbox.webhook-url", options.gatewayUrl() + NOTIFICATIONS_PATH);
        config.put("portal.payment-sandbox.public-url", options.serviceUrl(PortalApp.PAYMENT_SANDBOX));
        return config;
    }

    Map<String, String> passportConfig(PortalOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portal.passport.payment.provider-url", options.serviceUrl(PortalApp.PAYMENT_SANDBOX));
        config.put("portal.passport.payment.api-key", apiKey);
        config.put("portal.passport.payment.webhook-secret", webhookSecret);
        config.put("portal.passport.payment.return-url-prefixes", options.gatewayUrl() + RETURN_PATH_PREFIX);
        return config;
    }

    /** 256 random bits as lowercase hex. */
    private static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        // Never the secrets themselves in a log line or a failure message.
        return "PaymentSandboxWiring[secrets hidden]";
    }
}

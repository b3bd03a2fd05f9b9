package kr.civilportal.paymentsandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Payment-Signature} header (the Stripe/Toss style): {@code t=<unix seconds>,v1=<hex>} where the hex is
 * the lowercase HMAC-SHA256, under the shared webhook secret, of {@code "<t>." + rawBody}. The time inside the signed
 * text lets a receiver refuse an old message replayed later; the raw body (not a re-serialisation) is what is signed,
 * so a receiver checks the bytes it got.
 */
public final class WebhookSignature {

    public static final String HEADER = "Payment-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String header(String secret, Instant at, String rawBody) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t + "." + rawBody);
    }

    /**
     * What a receiver does: true if the header is well-formed, its v1 matches the body under the secret and its time
     * is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String header, String rawBody, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmacHex(secret, t + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

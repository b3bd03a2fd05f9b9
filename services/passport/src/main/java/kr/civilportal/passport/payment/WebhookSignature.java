package kr.civilportal.passport.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's webhook signature (Stripe/Toss style): header {@code Payment-Signature: t=<unix seconds>,v1=<hex>},
 * where the hex is the lowercase HMAC-SHA256, keyed by the shared secret, of {@code "<t>." + rawBody}. The body is
 * taken as the bytes received (parsed JSON written back would differ). The timestamp must be within the tolerance
 * of now, so a captured notification cannot be replayed later; the comparison takes the same time whatever matches.
 * Several {@code v1} values are accepted (the provider may sign with an old and a new secret while rotating).
 */
public final class WebhookSignature {

    public static final String HEADER = "Payment-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    /** A unix time in seconds has at most this many digits for the next few thousand years. */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final SecretKeySpec key;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A webhook secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = Objects.requireNonNull(tolerance);
    }

    /** Whether {@code header} signs {@code rawBody} with this secret at a time within the tolerance of {@code now}. */
    public boolean verify(String header, byte[] rawBody, Instant now) {
        if (header == null || rawBody == null) {
            return false;
        }
        String timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t")) {
                timestamp = value;
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty() || timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS
                || !timestamp.chars().allMatch(Character::isDigit)) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hex(Long.parseLong(timestamp), rawBody).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String signature : signatures) {
            // MessageDigest.isEqual takes the same time wherever the first difference is.
            match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /** The header the provider sends for {@code rawBody} at {@code at} (what tests and a stand-in sign with). */
    public String header(Instant at, byte[] rawBody) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hex(t, rawBody);
    }

    private String hex(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

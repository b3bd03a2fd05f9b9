package kr.civilportal.paymentsandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids of payments, refunds and events: a prefix naming the kind ({@code pay_}, {@code rfd_}, {@code evt_}, as PGs
 * do) and 96 random bits, so a payment id in a hosted page's URL cannot be guessed from another.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 12;

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** A card approval number (승인번호): eight digits, as Korean card companies give. */
    public static String approvalNumber() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}

package kr.civilportal.passport.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import kr.civilportal.passport.application.ApplicationStatus;

/** The rules of online payment on their own (no database, no provider), so each is unit-tested. */
public final class PaymentRules {

    private PaymentRules() {
    }

    /** What a payment the provider reports as succeeded does to its application. */
    public enum Outcome {
        /** The amount is not the one recorded: nothing is paid (logged; an operator looks). */
        AMOUNT_MISMATCH,
        /** The application waited for it: paid, received (SUBMITTED). */
        RECEIVE,
        /** The application was paid already (or is no longer waiting): paid, and refunded in full. */
        REFUND
    }

    public static Outcome onSucceeded(ApplicationStatus status, boolean anotherPaymentPaid, int recordedAmountKrw,
                                      long paidAmount) {
        if (paidAmount != recordedAmountKrw) {
            return Outcome.AMOUNT_MISMATCH;
        }
        return status.awaitsPayment() && !anotherPaymentPaid ? Outcome.RECEIVE : Outcome.REFUND;
    }

    /**
     * Where the provider may send the citizen back: an absolute http(s) URL, without user info or dot segments,
     * beginning with one of {@code prefixes}. A prefix check alone would let {@code https://portal.example/my/../admin}
     * or {@code https://portal.example/my@evil.example} through.
     */
    public static boolean returnUrlAllowed(String returnUrl, List<String> prefixes) {
        if (returnUrl == null || returnUrl.isBlank() || returnUrl.length() > MAX_RETURN_URL) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(returnUrl);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getRawUserInfo() != null
                || uri.getHost() == null || uri.getRawPath() == null || !uri.normalize().getRawPath().equals(uri.getRawPath())
                || returnUrl.contains("\\")) {
            return false;
        }
        return prefixes.stream().anyMatch(prefix -> !prefix.isBlank() && returnUrl.startsWith(prefix));
    }

    /** The provider accepts at most this much; a longer URL is no page of the portal's. */
    static final int MAX_RETURN_URL = 500;
}

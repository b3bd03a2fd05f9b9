package kr.civilportal.paymentsandbox.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.paymentsandbox.problem.Problem.FieldError;
import kr.civilportal.paymentsandbox.problem.ProblemException;

/**
 * {@code POST /v1/payments}. The amount is read as a decimal so that 52000.5 is refused as not whole, rather than
 * quietly cut to 52000 as a long would be.
 */
public record PaymentRequest(BigDecimal amount, String currency, String reference, String description,
                             String returnUrl) {

    /** The one currency the sandbox (a domestic PG) takes. */
    public static final String KRW = "KRW";
    /** Column sizes of the payment table. */
    static final int REFERENCE_MAX = 64;
    static final int DESCRIPTION_MAX = 100;
    static final int RETURN_URL_MAX = 2000;

    /** Every invalid field at once (a 400 naming them), before anything is stored. */
    void validate(long maxAmount) {
        List<FieldError> errors = new ArrayList<>();
        if (amount == null) {
            errors.add(new FieldError("amount", "required"));
        } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0
                || amount.compareTo(BigDecimal.valueOf(maxAmount)) > 0) {
            errors.add(new FieldError("amount", "a whole number of won from 1 to " + maxAmount));
        }
        if (!KRW.equals(currency)) {
            errors.add(new FieldError("currency", "only KRW"));
        }
        text(errors, "reference", reference, REFERENCE_MAX);
        text(errors, "description", description, DESCRIPTION_MAX);
        if (returnUrl == null || returnUrl.length() > RETURN_URL_MAX || !absoluteHttp(returnUrl)) {
            errors.add(new FieldError("returnUrl", "an absolute http(s) URL of at most " + RETURN_URL_MAX
                    + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FieldError(field, "required, at most " + max + " characters"));
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}

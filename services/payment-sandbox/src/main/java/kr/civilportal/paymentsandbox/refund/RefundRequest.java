package kr.civilportal.paymentsandbox.refund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.civilportal.paymentsandbox.problem.Problem.FieldError;
import kr.civilportal.paymentsandbox.problem.ProblemException;

/** {@code POST /v1/payments/{id}/refunds}: how much to give back (whole won) and why. */
public record RefundRequest(BigDecimal amount, String reason) {

    /** The column's size. */
    static final int REASON_MAX = 200;

    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0
                || amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            errors.add(new FieldError("amount", "a whole number of won, at least 1"));
        }
        if (reason != null && reason.length() > REASON_MAX) {
            errors.add(new FieldError("reason", "at most " + REASON_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    boolean sameAs(Refund refund) {
        return refund.amount == amount.longValueExact() && Objects.equals(refund.reason, reason);
    }
}

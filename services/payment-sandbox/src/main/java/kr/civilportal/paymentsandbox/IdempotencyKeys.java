package kr.civilportal.paymentsandbox;

import kr.civilportal.paymentsandbox.problem.ProblemException;

/** The {@code Idempotency-Key} header every write of the API requires (a PG's retried call must not pay twice). */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** The column's size. */
    static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    public static String require(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(HEADER, "required, 1 to " + MAX_LENGTH + " characters");
        }
        return key;
    }
}

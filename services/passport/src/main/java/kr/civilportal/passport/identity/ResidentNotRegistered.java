package kr.civilportal.passport.identity;

/**
 * Residency answered, definitely, that it has no such resident (404). Not a fault of residency: never retried
 * and no count against the circuit breaker; the application goes to an officer.
 */
public class ResidentNotRegistered extends RuntimeException {

    public ResidentNotRegistered() {
        super("Residency has no resident with this id", null, false, false);
    }
}

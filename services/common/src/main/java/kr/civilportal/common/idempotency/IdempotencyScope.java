package kr.civilportal.common.idempotency;

/**
 * Whose keys a key is compared with: two callers using the same key never see each other's answers.
 * A logged-in caller's scope is the token subject. Anonymous callers (119 reporters) have nothing stable to
 * tell them apart: an IP address changes on a phone between retries and is the gateway's own behind it. They
 * share one scope per endpoint; the key must be unguessable (a random UUID), and even a guessed key replays
 * nothing unless the payload is byte for byte the same (otherwise 422).
 */
public final class IdempotencyScope {

    private static final int MAX_LENGTH = 200;

    private IdempotencyScope() {
    }

    /** The scope of a caller authenticated with a token whose {@code sub} is {@code subject}. */
    public static String subject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An authenticated scope needs a subject");
        }
        return bounded("sub:" + subject);
    }

    /** The shared scope of anonymous callers of one endpoint, e.g. {@code anonymous("emergency-report")}. */
    public static String anonymous(String endpoint) {
        return bounded("anonymous:" + endpoint);
    }

    private static String bounded(String scope) {
        if (scope.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A scope is at most " + MAX_LENGTH + " characters");
        }
        return scope;
    }
}

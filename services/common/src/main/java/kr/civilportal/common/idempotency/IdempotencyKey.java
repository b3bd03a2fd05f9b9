package kr.civilportal.common.idempotency;

import java.util.Optional;

/**
 * The value of an {@code Idempotency-Key} header. The draft defines it as a structured-field string, so
 * {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"} arrives quoted; a bare token is accepted too, since many
 * clients send one. 1 to 255 visible ASCII characters.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Parses the header; empty when it is absent, {@link IllegalArgumentException} when it is malformed. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String v = header.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return Optional.of(new IdempotencyKey(v));
    }

    /** Why {@code value} is not a usable key, in words fit for a field error (never quoting it), or empty. */
    public static Optional<String> problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("The Idempotency-Key header is empty.");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("The Idempotency-Key header is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return Optional.of("The Idempotency-Key header may hold only visible ASCII characters "
                        + "(a random UUID is best).");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

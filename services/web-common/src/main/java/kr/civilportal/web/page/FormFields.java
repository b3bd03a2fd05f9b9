package kr.civilportal.web.page;

import java.util.Arrays;
import java.util.UUID;

/** Small helpers the forms share: the form's Idempotency-Key, a choice read from a form field. */
public final class FormFields {

    private FormFields() {
    }

    /** The key the form carried, or a fresh one (a form sent without it is still one request). */
    public static String orNew(String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.trim();
    }

    /** The constant a radio button or select sent, or null when none (or no such) was chosen. */
    public static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return value == null ? null
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.trim())).findFirst().orElse(null);
    }

    public static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}

package kr.civilportal.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is stable and machine-readable; {@code detail} is English,
 * {@code detailKo} the same in Korean for the citizen-facing clients; {@code errors} lists field errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String detailKo,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field: {@code field} is the JSON property path the client sent. */
    public record FieldError(String field, String detail) {
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, detailKo, path, errors);
    }
}

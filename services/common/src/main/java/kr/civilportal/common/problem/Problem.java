package kr.civilportal.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import kr.civilportal.common.masking.Masking;

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

    /**
     * The request path as {@code instance}, with any resident registration or phone number in it masked: a
     * number typed into a URL must not come back in an error body.
     */
    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, detailKo, Masking.inText(path), errors);
    }
}

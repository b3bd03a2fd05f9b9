package kr.civilportal.paymentsandbox.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, in the same shape as the portal's services answer (type, title, status,
 * detail in English, detailKo, errors naming fields), so the portal's clients read the sandbox's problems alike.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String detailKo, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:civilportal:problem:";

    /** One invalid input: {@code field} is the JSON property (or header) the client sent. */
    public record FieldError(String field, String detail) {
    }

    public static Problem of(String slug, String title, int status, String detail, String detailKo) {
        return new Problem(URI.create(PREFIX + slug), title, status, detail, detailKo, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, detailKo, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, detailKo, instance, List.copyOf(fieldErrors));
    }
}

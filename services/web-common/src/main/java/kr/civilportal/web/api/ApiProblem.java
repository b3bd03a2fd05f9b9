package kr.civilportal.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A service's RFC 9457 problem as the pages read it: the stable {@code type}, the detail in English and Korean,
 * and the field errors ({@code errors[].field} is the JSON property the page sent). Fields the pages do not use
 * are ignored, so a service may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, String detailKo,
        List<FieldError> errors) {

    /** What an answer without a (readable) problem body becomes. */
    public static ApiProblem empty(int status) {
        return new ApiProblem("", "", status, "", "", List.of());
    }

    public ApiProblem {
        type = type == null ? "" : type;
        detail = detail == null ? "" : detail;
        detailKo = detailKo == null ? "" : detailKo;
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (errors.size() == 1 && !detailKo.isBlank()) {
            FieldError only = errors.get(0);
            if ((only.detailKo() == null || only.detailKo().isBlank()) && detail.equals(only.detail())) {
                // The services' one-field refusal (common's ProblemException.invalidField) says it in Korean at the
                // top only: the same words as the field's, so a Korean page shows them at the field too.
                errors = List.of(new FieldError(only.field(), only.detail(), detailKo));
            }
        }
    }

    /** The detail in the page's language: Korean where the service gave it, else English. */
    public String detail(boolean english) {
        return english || detailKo.isBlank() ? detail : detailKo;
    }

    /** True for the problem type {@code urn:civilportal:problem:<name>}. */
    public boolean is(String name) {
        return type.equals("urn:civilportal:problem:" + name);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String detail, String detailKo) {
        public String detail(boolean english) {
            return english || detailKo == null || detailKo.isBlank() ? (detail == null ? "" : detail) : detailKo;
        }
    }
}

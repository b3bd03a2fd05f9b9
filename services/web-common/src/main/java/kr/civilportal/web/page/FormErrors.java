package kr.civilportal.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors: each next to its field and all of them in a summary at the top (linking to the fields),
 * as KRDS and WCAG 3.3.1 ask. Errors come from the page's own checks and from a service's problem+json
 * {@code errors[].field}, translated to the form's field names.
 */
public class FormErrors {

    public record Error(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public void addGeneral(String message) {
        general.add(message);
    }

    /** Field errors of a service's problem; {@code fieldNames} maps the service's JSON names to the form's. */
    public void addProblem(JsonNode problem, Map<String, String> fieldNames, boolean english, String fallback) {
        boolean any = false;
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText("");
            String formField = fieldNames.getOrDefault(field, fieldNames.get("*"));
            String detail = !english && error.hasNonNull("detailKo") ? error.path("detailKo").asText()
                    : error.path("detail").asText(fallback);
            if (formField != null) {
                add(formField, detail);
                any = true;
            }
        }
        if (!any) {
            String detail = problem.path("detail").asText("");
            general.add(detail.isBlank() ? fallback : detail);
        }
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean has(String prefix, Object suffix) {
        return has(prefix + suffix);
    }

    public String of(String prefix, Object suffix) {
        return of(prefix + suffix);
    }

    public String of(String field) {
        return byField.getOrDefault(field, "");
    }

    public List<Error> fieldErrors() {
        return byField.entrySet().stream().map(e -> new Error(e.getKey(), e.getValue())).toList();
    }

    public List<String> general() {
        return general;
    }

    public int count() {
        return byField.size() + general.size();
    }
}

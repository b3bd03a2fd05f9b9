package kr.civilportal.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.civilportal.web.api.ApiProblem;
import kr.civilportal.web.api.PortalService;

/**
 * A form's errors: each next to its field and all of them in a summary at the top (linking to the fields),
 * as KRDS and WCAG 3.3.1 ask; and, when the service did not answer, which service's "unavailable" panel to show
 * (the summary's partial {@code web/errors} shows it). Errors come from the page's own checks and from a
 * service's problem ({@code errors[].field}, translated to the form's field names).
 */
public class FormErrors {

    public record Error(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private PortalService unavailable;

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public FormErrors addGeneral(String message) {
        general.add(message);
        return this;
    }

    /**
     * Field errors of a service's problem; {@code fieldNames} maps the service's JSON names to the form's
     * ({@code *}: any other). A problem without field errors the form knows is one general error: its detail,
     * or {@code fallback}.
     */
    public void addProblem(ApiProblem problem, Map<String, String> fieldNames, boolean english, String fallback) {
        boolean any = false;
        for (ApiProblem.FieldError error : problem.errors()) {
            String formField = fieldNames.getOrDefault(error.field() == null ? "" : error.field(), fieldNames.get("*"));
            if (formField != null) {
                String detail = error.detail(english);
                add(formField, detail.isBlank() ? fallback : detail);
                any = true;
            }
        }
        if (!any) {
            String detail = problem.detail(english);
            general.add(detail.isBlank() ? fallback : detail);
        }
    }

    /** The service did not answer: its panel is shown with the form (nothing was done). */
    public void unavailable(PortalService service) {
        this.unavailable = service;
    }

    public Optional<PortalService> unavailableService() {
        return Optional.ofNullable(unavailable);
    }

    public boolean isUnavailable() {
        return unavailable != null;
    }

    public PortalService getUnavailable() {
        return unavailable;
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

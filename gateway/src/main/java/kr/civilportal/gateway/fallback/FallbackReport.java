package kr.civilportal.gateway.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A 119 report as the fallback page's plain form sends it, checked as emergency-report checks it so that a report
 * held while the service is away is not refused when it is forwarded, and turned into the JSON the service takes
 * ({@code {category, description, address, reporterPhone}}: the form asks for an address or place, not
 * coordinates, as it runs without JavaScript).
 *
 * @param idempotencyKey the form's key, made when the page was shown: a resend of the same form is one report
 */
public record FallbackReport(String category, String description, String address, String phone, String idempotencyKey) {

    /** The service's categories, in the order the form offers them. */
    public static final List<String> CATEGORIES = List.of("FIRE", "RESCUE", "EMERGENCY_MEDICAL", "DISASTER",
            "CRIME_REFERRAL", "OTHER");
    /** The service's limits on the texts (its ReportRequest). */
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;
    /** A Korean number as people write it; the service checks the exact form and says so. */
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{8,20}");
    /** The fields the page shows errors for. */
    public static final Set<String> FIELDS = Set.of("category", "description", "address", "phone");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new, empty form with its own key. */
    public static FallbackReport blank() {
        return new FallbackReport("", "", "", "", UUID.randomUUID().toString());
    }

    /** The form's fields, as decoded from {@code application/x-www-form-urlencoded}. */
    public static FallbackReport from(Map<String, List<String>> form) {
        return new FallbackReport(first(form, "category"), first(form, "description"), first(form, "address"),
                first(form, "phone"), first(form, "idempotencyKey"));
    }

    /** The fields that are not right (names from {@link #FIELDS}); empty when the report can go. */
    public Set<String> problems() {
        Set<String> wrong = new java.util.LinkedHashSet<>();
        if (!CATEGORIES.contains(category)) {
            wrong.add("category");
        }
        if (description.isBlank() || description.length() > MAX_DESCRIPTION || description.indexOf('\0') >= 0) {
            wrong.add("description");
        }
        if (address.isBlank() || address.length() > MAX_ADDRESS || address.indexOf('\0') >= 0) {
            wrong.add("address");
        }
        if (!phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            wrong.add("phone");
        }
        return wrong;
    }

    /**
     * The key to send: the form's, if it is a UUID (the service scopes anonymous reporters' keys together, so only
     * random ones will do); else null, and the caller makes one.
     */
    public String validKey() {
        try {
            return UUID.fromString(idempotencyKey.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The report as emergency-report's JSON; the same form always gives the same bytes (the key's fingerprint). */
    public byte[] json() {
        ObjectNode json = JSON.createObjectNode();
        json.put("category", category);
        json.put("description", description.strip());
        json.put("address", address.strip());
        if (!phone.isBlank()) {
            json.put("reporterPhone", phone.strip());
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The service's field names (its 400's {@code errors[].field}) as this form's. */
    public static String formField(String serviceField) {
        return switch (serviceField) {
            case "reporterPhone" -> "phone";
            case "located", "latitude", "longitude" -> "address";
            default -> FIELDS.contains(serviceField) ? serviceField : null;
        };
    }

    /** What the page template reads: every field, and whether each is wrong. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("category", category);
        view.put("description", description);
        view.put("address", address);
        view.put("phone", phone);
        view.put("idempotencyKey", idempotencyKey);
        return view;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}

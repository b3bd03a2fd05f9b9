package kr.civilportal.gateway.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A 119 report as the fallback page's plain form sends it, checked as emergency-report checks it (so a report held
 * while the service is away is not refused when forwarded) and turned into the JSON the service takes. The form
 * asks for an address or place, not coordinates: it runs without JavaScript.
 *
 * @param idempotencyKey made when the page was shown: a resend of the same form is one report
 */
public record FallbackReport(String category, String description, String address, String phone, String idempotencyKey) {

    /** The service's categories, in the form's order. */
    static final List<String> CATEGORIES = List.of("FIRE", "RESCUE", "EMERGENCY_MEDICAL", "DISASTER",
            "CRIME_REFERRAL", "OTHER");
    /** The service's limits on the texts (its ReportRequest). */
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;
    /** A number as people write it; the service checks the exact form and says so. */
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{8,20}");
    static final List<String> FIELDS = List.of("category", "description", "address", "phone");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static FallbackReport blank() {
        return new FallbackReport("", "", "", "", UUID.randomUUID().toString());
    }

    /** From the decoded {@code application/x-www-form-urlencoded} fields. */
    public static FallbackReport from(Map<String, List<String>> form) {
        String[] v = {"category", "description", "address", "phone", "idempotencyKey"};
        for (int i = 0; i < v.length; i++) {
            List<String> values = form.get(v[i]);
            v[i] = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        }
        return new FallbackReport(v[0], v[1], v[2], v[3], v[4]);
    }

    /** The fields ({@link #FIELDS}) that are not right; empty when the report can go. */
    public Set<String> problems() {
        Set<String> wrong = new LinkedHashSet<>();
        if (!CATEGORIES.contains(category)) {
            wrong.add("category");
        }
        if (!fits(description, MAX_DESCRIPTION)) {
            wrong.add("description");
        }
        if (!fits(address, MAX_ADDRESS)) {
            wrong.add("address");
        }
        if (!phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            wrong.add("phone");
        }
        return wrong;
    }

    /** The form's key if it is a UUID (anonymous reporters share one key scope: only random keys do), else null. */
    public String validKey() {
        try {
            return UUID.fromString(idempotencyKey.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** emergency-report's JSON; a form always gives the same bytes (the key's fingerprint). */
    public byte[] json() {
        ObjectNode json = JSON.createObjectNode().put("category", category).put("description", description.strip())
                .put("address", address.strip());
        if (!phone.isBlank()) {
            json.put("reporterPhone", phone.strip());
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A field of the service's 400 ({@code errors[].field}) as the form's, or null. */
    public static String formField(String serviceField) {
        return switch (serviceField) {
            case "reporterPhone" -> "phone";
            case "located", "latitude", "longitude" -> "address";
            default -> FIELDS.contains(serviceField) ? serviceField : null;
        };
    }

    /** What the template reads. */
    Map<String, Object> view() {
        return Map.of("category", category, "description", description, "address", address, "phone", phone,
                "idempotencyKey", idempotencyKey);
    }

    private static boolean fits(String text, int max) {
        return !text.isBlank() && text.length() <= max && text.indexOf('\0') < 0;
    }
}

package kr.civilportal.citizen.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kr.civilportal.web.page.FormFields;

/** What the 119 form holds, kept as typed so a refused form comes back with everything still in it. */
public record ReportForm(ReportCategory category, String description, String latitude, String longitude,
        String accuracy, String address, String phone, String idempotencyKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ReportForm empty() {
        return new ReportForm(null, "", "", "", "", "", "", UUID.randomUUID().toString());
    }

    public static ReportForm of(String category, String description, String latitude, String longitude,
            String accuracy, String address, String phone, String idempotencyKey) {
        return new ReportForm(FormFields.choice(ReportCategory.class, category), FormFields.trimmed(description),
                FormFields.trimmed(latitude), FormFields.trimmed(longitude), FormFields.trimmed(accuracy),
                FormFields.trimmed(address), FormFields.trimmed(phone), FormFields.orNew(idempotencyKey));
    }

    public List<ReportCategory> categories() {
        return Arrays.asList(ReportCategory.values());
    }

    public boolean is(ReportCategory c) {
        return c == category;
    }

    public boolean hasCoordinates() {
        return !latitude.isBlank() && !longitude.isBlank();
    }

    /** The report part of the multipart request, as the 119 API takes it. */
    String json() {
        ObjectNode report = JSON.createObjectNode();
        report.put("category", category.name());
        report.put("description", description);
        putNumber(report, "latitude", latitude);
        putNumber(report, "longitude", longitude);
        putNumber(report, "accuracyMeters", accuracy);
        if (!address.isEmpty()) {
            report.put("address", address);
        }
        if (!phone.isEmpty()) {
            report.put("reporterPhone", phone);
        }
        return report.toString();
    }

    /** A number as the device gave it; anything else goes as text, for the service's field error. */
    private static void putNumber(ObjectNode node, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        try {
            node.put(name, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            node.put(name, value);
        }
    }
}

package kr.civilportal.citizen.report;

import java.util.List;
import java.util.UUID;

/** What the 119 form holds, kept as typed so a refused form comes back with everything still in it. */
public class ReportForm {

    public static final List<String> CATEGORIES = List.of("FIRE", "RESCUE", "EMERGENCY_MEDICAL", "DISASTER",
            "CRIME_REFERRAL", "OTHER");

    public String category = "";
    public String description = "";
    public String latitude = "";
    public String longitude = "";
    public String accuracy = "";
    public String address = "";
    public String phone = "";
    /** Sent as the Idempotency-Key: the same for every resend of this form, so a double click reports once. */
    public String idempotencyKey = UUID.randomUUID().toString();

    public List<String> categories() {
        return CATEGORIES;
    }

    public boolean hasCoordinates() {
        return !latitude.isBlank() && !longitude.isBlank();
    }
}

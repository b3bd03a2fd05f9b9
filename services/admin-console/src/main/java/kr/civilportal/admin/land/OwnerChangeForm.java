package kr.civilportal.admin.land;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A land officer's "record a change of owner" form (소유권 이전 등기), as typed. The page checks what it can
 * before calling the service, so the officer hears about every mistake at once and in the form's words; the
 * land-registry service checks the same rules again (and is the one that decides).
 *
 * @param ownerName new owner (소유자 성명), a person or a legal entity
 * @param share     share acquired (지분), a fraction such as 1/1 or 1/2
 * @param changedOn date of the change (변동일자, 등기원인일자), ISO yyyy-MM-dd as a date field sends it
 * @param cause     cause of the change (변동원인), one of {@link #CAUSES}
 */
public record OwnerChangeForm(String ownerName, String share, String changedOn, String cause) {

    /** The service's causes (OwnerChangeCause), in the order officers meet them most. */
    public static final List<String> CAUSES = List.of("SALE", "INHERITANCE", "GIFT", "PARTITION", "CONSOLIDATION",
            "AUCTION", "EXPROPRIATION", "OWNERSHIP_PRESERVATION", "OTHER");
    /** The service's limit on a name. */
    static final int MAX_NAME_LENGTH = 100;
    /** The service's pattern for a share: positive whole numbers, at most 7 digits each. */
    private static final Pattern SHARE = Pattern.compile("^[1-9][0-9]{0,6}/[1-9][0-9]{0,6}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public OwnerChangeForm {
        ownerName = trim(ownerName);
        share = trim(share).replace(" ", "");
        changedOn = trim(changedOn);
        cause = trim(cause);
    }

    /** An empty form, for the first display. */
    public static OwnerChangeForm empty() {
        return new OwnerChangeForm("", "", "", "");
    }

    /**
     * The broken rules, field name to message key (in the order of the form's fields); empty when the form may
     * be sent. {@code today} is the officer's date (Korea), since a change cannot be registered ahead of time.
     */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (ownerName.isEmpty()) {
            problems.put("ownerName", "land_err_owner_name");
        } else if (ownerName.length() > MAX_NAME_LENGTH) {
            problems.put("ownerName", "land_err_owner_name_long");
        }
        if (share.isEmpty()) {
            problems.put("share", "land_err_share");
        } else if (!SHARE.matcher(share).matches()) {
            problems.put("share", "land_err_share_format");
        }
        if (changedOn.isEmpty()) {
            problems.put("changedOn", "land_err_changed_on");
        } else {
            try {
                if (LocalDate.parse(changedOn).isAfter(today)) {
                    problems.put("changedOn", "land_err_changed_on_future");
                }
            } catch (DateTimeParseException e) {
                problems.put("changedOn", "land_err_changed_on_format");
            }
        }
        if (!CAUSES.contains(cause)) {
            problems.put("cause", "land_err_cause");
        }
        return problems;
    }

    /** The service's request body (OwnerChangeRequest). */
    public ObjectNode body() {
        return JSON.createObjectNode().put("ownerName", ownerName).put("share", share).put("changedOn", changedOn)
                .put("cause", cause);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}

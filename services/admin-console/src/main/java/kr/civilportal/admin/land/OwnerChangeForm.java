package kr.civilportal.admin.land;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.web.page.FormFields;

/**
 * A land officer's "record a change of owner" form (소유권 이전 등기), as typed. The page checks what it can
 * before calling the service, so the officer hears about every mistake at once and in the form's words; the
 * land-registry service checks the same rules again (and is the one that decides).
 *
 * @param ownerName new owner (소유자 성명), a person or a legal entity
 * @param share     share acquired (지분), a fraction such as 1/1 or 1/2
 * @param changedOn date of the change (변동일자, 등기원인일자), ISO yyyy-MM-dd as a date field sends it
 * @param cause     cause of the change (변동원인), as the form sent it
 */
public record OwnerChangeForm(String ownerName, String share, String changedOn, String cause) {

    /** The service's limit on a name. */
    static final int MAX_NAME_LENGTH = 100;
    /** The service's pattern for a share: positive whole numbers, at most 7 digits each. */
    private static final Pattern SHARE = Pattern.compile("^[1-9][0-9]{0,6}/[1-9][0-9]{0,6}$");

    /** The service's request body (OwnerChangeRequest). */
    public record Request(String ownerName, String share, String changedOn, OwnerChangeCause cause) {
    }

    public OwnerChangeForm {
        ownerName = FormFields.trimmed(ownerName).strip();
        share = FormFields.trimmed(share).replace(" ", "");
        changedOn = FormFields.trimmed(changedOn);
        cause = FormFields.trimmed(cause);
    }

    /** An empty form, for the first display. */
    public static OwnerChangeForm empty() {
        return new OwnerChangeForm("", "", "", "");
    }

    public OwnerChangeCause causeChosen() {
        return FormFields.choice(OwnerChangeCause.class, cause);
    }

    public List<OwnerChangeCause> causes() {
        return Arrays.asList(OwnerChangeCause.values());
    }

    public boolean is(OwnerChangeCause c) {
        return c == causeChosen();
    }

    /**
     * The broken rules, field name to its message (in the order of the form's fields); empty when the form may be
     * sent. {@code today} is the officer's date (Korea), since a change cannot be registered ahead of time.
     */
    public Map<String, Function<AdminMessages, String>> problems(LocalDate today) {
        Map<String, Function<AdminMessages, String>> problems = new LinkedHashMap<>();
        if (ownerName.isEmpty()) {
            problems.put("ownerName", AdminMessages::land_err_owner_name);
        } else if (ownerName.length() > MAX_NAME_LENGTH) {
            problems.put("ownerName", AdminMessages::land_err_owner_name_long);
        }
        if (share.isEmpty()) {
            problems.put("share", AdminMessages::land_err_share);
        } else if (!SHARE.matcher(share).matches()) {
            problems.put("share", AdminMessages::land_err_share_format);
        }
        if (changedOn.isEmpty()) {
            problems.put("changedOn", AdminMessages::land_err_changed_on);
        } else {
            try {
                if (LocalDate.parse(changedOn).isAfter(today)) {
                    problems.put("changedOn", AdminMessages::land_err_changed_on_future);
                }
            } catch (DateTimeParseException e) {
                problems.put("changedOn", AdminMessages::land_err_changed_on_format);
            }
        }
        if (causeChosen() == null) {
            problems.put("cause", AdminMessages::land_err_cause);
        }
        return problems;
    }

    public Request request() {
        return new Request(ownerName, share, changedOn, causeChosen());
    }
}

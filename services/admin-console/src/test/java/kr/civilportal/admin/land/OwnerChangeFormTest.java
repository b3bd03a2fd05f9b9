package kr.civilportal.admin.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The land officer's owner-change form: what the page refuses before asking the service, and what it sends. */
class OwnerChangeFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aCompleteFormHasNoProblemsAndIsSentTrimmed() {
        OwnerChangeForm form = new OwnerChangeForm("  김토지 ", " 1 / 2 ", "2026-11-25", "SALE");
        assertTrue(form.problems(TODAY).isEmpty(), form.problems(TODAY).toString());
        assertEquals("{\"ownerName\":\"김토지\",\"share\":\"1/2\",\"changedOn\":\"2026-11-25\",\"cause\":\"SALE\"}",
                form.body().toString());
    }

    @Test
    void anEmptyFormNamesEveryFieldInTheFormsOrder() {
        Map<String, String> problems = new OwnerChangeForm(null, "", " ", null).problems(TODAY);
        assertEquals(List.of("ownerName", "share", "changedOn", "cause"), List.copyOf(problems.keySet()));
        assertEquals("land_err_owner_name", problems.get("ownerName"));
        assertEquals("land_err_share", problems.get("share"));
        assertEquals("land_err_changed_on", problems.get("changedOn"));
        assertEquals("land_err_cause", problems.get("cause"));
    }

    @Test
    void aShareMustBeAFractionOfPositiveWholeNumbers() {
        for (String bad : List.of("1", "0/1", "1/0", "half", "1/2/3", "-1/2", "12345678/1", "0.5")) {
            assertEquals("land_err_share_format", form(bad, "2025-03-15").problems(TODAY).get("share"), bad);
        }
        for (String good : List.of("1/1", "1/2", "3/10", "1234567/7654321")) {
            assertTrue(form(good, "2025-03-15").problems(TODAY).isEmpty(), good);
        }
    }

    @Test
    void aChangeCannotBeDatedAfterTodayNorBeANonDate() {
        assertEquals("land_err_changed_on_future", form("1/1", "2026-11-26").problems(TODAY).get("changedOn"));
        assertTrue(form("1/1", "2026-11-25").problems(TODAY).isEmpty(), "today is allowed");
        assertEquals("land_err_changed_on_format", form("1/1", "2026-02-30").problems(TODAY).get("changedOn"));
        assertEquals("land_err_changed_on_format", form("1/1", "25.3.15").problems(TODAY).get("changedOn"));
    }

    @Test
    void theCauseMustBeOneOfTheRegistersAndTheNameFitTheService() {
        assertEquals("land_err_cause", new OwnerChangeForm("김토지", "1/1", "2025-03-15", "THEFT").problems(TODAY).get("cause"));
        String longName = "가".repeat(OwnerChangeForm.MAX_NAME_LENGTH + 1);
        assertEquals("land_err_owner_name_long",
                new OwnerChangeForm(longName, "1/1", "2025-03-15", "SALE").problems(TODAY).get("ownerName"));
        assertTrue(new OwnerChangeForm("가".repeat(OwnerChangeForm.MAX_NAME_LENGTH), "1/1", "2025-03-15", "GIFT")
                .problems(TODAY).isEmpty());
    }

    private static OwnerChangeForm form(String share, String changedOn) {
        return new OwnerChangeForm("김토지", share, changedOn, "INHERITANCE");
    }
}

package kr.civilportal.admin.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.admin.AdminMessages;
import org.junit.jupiter.api.Test;

/** The land officer's owner-change form: what the page refuses before asking the service, and what it sends. */
class OwnerChangeFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** Each message answers with its own name, so the test reads which message a field gets. */
    private static final AdminMessages NAMES = (AdminMessages) Proxy.newProxyInstance(
            OwnerChangeFormTest.class.getClassLoader(), new Class<?>[] {AdminMessages.class},
            (proxy, method, args) -> method.getName());

    @Test
    void aCompleteFormHasNoProblemsAndIsSentTrimmed() {
        OwnerChangeForm form = new OwnerChangeForm("  김토지 ", " 1 / 2 ", "2026-11-25", "SALE");
        assertTrue(problems(form).isEmpty(), problems(form).toString());
        assertEquals(new OwnerChangeForm.Request("김토지", "1/2", "2026-11-25", OwnerChangeCause.SALE), form.request());
    }

    @Test
    void anEmptyFormNamesEveryFieldInTheFormsOrder() {
        Map<String, String> problems = problems(new OwnerChangeForm(null, "", " ", null));
        assertEquals(List.of("ownerName", "share", "changedOn", "cause"), List.copyOf(problems.keySet()));
        assertEquals("land_err_owner_name", problems.get("ownerName"));
        assertEquals("land_err_share", problems.get("share"));
        assertEquals("land_err_changed_on", problems.get("changedOn"));
        assertEquals("land_err_cause", problems.get("cause"));
    }

    @Test
    void aShareMustBeAFractionOfPositiveWholeNumbers() {
        for (String bad : List.of("1", "0/1", "1/0", "half", "1/2/3", "-1/2", "12345678/1", "0.5")) {
            assertEquals("land_err_share_format", problems(form(bad, "2025-03-15")).get("share"), bad);
        }
        for (String good : List.of("1/1", "1/2", "3/10", "1234567/7654321")) {
            assertTrue(problems(form(good, "2025-03-15")).isEmpty(), good);
        }
    }

    @Test
    void aChangeCannotBeDatedAfterTodayNorBeANonDate() {
        assertEquals("land_err_changed_on_future", problems(form("1/1", "2026-11-26")).get("changedOn"));
        assertTrue(problems(form("1/1", "2026-11-25")).isEmpty(), "today is allowed");
        assertEquals("land_err_changed_on_format", problems(form("1/1", "2026-02-30")).get("changedOn"));
        assertEquals("land_err_changed_on_format", problems(form("1/1", "25.3.15")).get("changedOn"));
    }

    @Test
    void theCauseMustBeOneOfTheRegistersAndTheNameFitTheService() {
        assertEquals("land_err_cause", problems(new OwnerChangeForm("김토지", "1/1", "2025-03-15", "THEFT")).get("cause"));
        String longName = "가".repeat(OwnerChangeForm.MAX_NAME_LENGTH + 1);
        assertEquals("land_err_owner_name_long",
                problems(new OwnerChangeForm(longName, "1/1", "2025-03-15", "SALE")).get("ownerName"));
        assertTrue(problems(new OwnerChangeForm("가".repeat(OwnerChangeForm.MAX_NAME_LENGTH), "1/1", "2025-03-15", "GIFT"))
                .isEmpty());
    }

    private static Map<String, String> problems(OwnerChangeForm form) {
        Map<String, String> named = new LinkedHashMap<>();
        form.problems(TODAY).forEach((field, message) -> named.put(field, message.apply(NAMES)));
        return named;
    }

    private static OwnerChangeForm form(String share, String changedOn) {
        return new OwnerChangeForm("김토지", share, changedOn, "INHERITANCE");
    }
}

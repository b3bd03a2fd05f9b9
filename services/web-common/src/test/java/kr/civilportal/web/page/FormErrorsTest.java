package kr.civilportal.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kr.civilportal.web.api.ApiProblem;
import kr.civilportal.web.api.PortalService;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    private static final ApiProblem PROBLEM = new ApiProblem("urn:civilportal:problem:validation-failed", "Invalid", 400,
            "Invalid input", "입력이 올바르지 않습니다", List.of(
                    new ApiProblem.FieldError("headResidentRegistrationNumber", "Not a valid number", "올바른 번호가 아닙니다"),
                    new ApiProblem.FieldError("somethingElse", "Odd", null)));

    @Test
    void aServicesFieldErrorsGoNextToTheFormsFieldsInThePagesLanguage() {
        FormErrors korean = new FormErrors();
        korean.addProblem(PROBLEM, Map.of("headResidentRegistrationNumber", "headNumber", "*", "mode"), false, "실패");
        assertEquals("올바른 번호가 아닙니다", korean.of("headNumber"));
        assertEquals("Odd", korean.of("mode"), "no Korean given: the English detail");
        assertTrue(korean.general().isEmpty());

        FormErrors english = new FormErrors();
        english.addProblem(PROBLEM, Map.of("headResidentRegistrationNumber", "headNumber"), true, "Failed");
        assertEquals("Not a valid number", english.of("headNumber"));
        assertEquals(1, english.count(), "a field the form does not know is left out when others are named");
    }

    @Test
    void aServicesOneFieldRefusalSaidInKoreanAtTheTopIsShownInKoreanAtTheField() {
        // As common's ProblemException.invalidField sends it: the field's words in English, Korean only at the top.
        ApiProblem oneField = new ApiProblem("urn:civilportal:problem:validation-failed", "Invalid", 400,
                "is not a readable PDF, JPEG or PNG document (unencrypted)", "PDF, JPG, PNG 파일만 받습니다.",
                List.of(new ApiProblem.FieldError("documents[0]", "is not a readable PDF, JPEG or PNG document (unencrypted)",
                        null)));
        FormErrors korean = new FormErrors();
        korean.addProblem(oneField, Map.of("documents[0]", "documents"), false, "실패");
        assertEquals("PDF, JPG, PNG 파일만 받습니다.", korean.of("documents"));
        FormErrors english = new FormErrors();
        english.addProblem(oneField, Map.of("documents[0]", "documents"), true, "Failed");
        assertEquals("is not a readable PDF, JPEG or PNG document (unencrypted)", english.of("documents"));

        // A top-level detail about something else is never put at a field.
        ApiProblem summary = new ApiProblem("urn:civilportal:problem:validation-failed", "Invalid", 400,
                "Some fields are invalid: pages", "입력값을 확인해 주세요: pages",
                List.of(new ApiProblem.FieldError("pages", "must be 26 or 58", null)));
        FormErrors other = new FormErrors();
        other.addProblem(summary, Map.of("pages", "pages"), false, "실패");
        assertEquals("must be 26 or 58", other.of("pages"));
    }

    @Test
    void aProblemWithoutFieldsTheFormKnowsIsOneGeneralError() {
        FormErrors errors = new FormErrors();
        errors.addProblem(PROBLEM, Map.of(), false, "실패");
        assertEquals(List.of("입력이 올바르지 않습니다"), errors.general());

        FormErrors bare = new FormErrors();
        bare.addProblem(ApiProblem.empty(409), Map.of(), false, "처리하지 못했습니다");
        assertEquals(List.of("처리하지 못했습니다"), bare.general());
    }

    @Test
    void aSilentServiceIsNotAFieldError() {
        FormErrors errors = new FormErrors();
        errors.unavailable(PortalService.PASSPORT);
        assertTrue(errors.isUnavailable());
        assertFalse(errors.any());
        assertEquals(PortalService.PASSPORT, errors.getUnavailable());
    }
}

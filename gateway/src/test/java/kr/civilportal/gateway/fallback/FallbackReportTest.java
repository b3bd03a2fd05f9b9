package kr.civilportal.gateway.fallback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackReportTest {

    @Test
    void aCompleteFormBecomesTheServicesJsonTheSameEveryTime() {
        FallbackReport report = FallbackReport.from(Map.of("category", List.of("FIRE"),
                "description", List.of(" 연기가 납니다 "), "address", List.of("서울 종로구 세종대로 209"),
                "phone", List.of("010-1234-5678"), "idempotencyKey", List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        assertTrue(report.problems().isEmpty());
        String json = new String(report.json(), StandardCharsets.UTF_8);
        assertEquals("{\"category\":\"FIRE\",\"description\":\"연기가 납니다\",\"address\":\"서울 종로구 세종대로 209\","
                + "\"reporterPhone\":\"010-1234-5678\"}", json);
        assertArrayEquals(report.json(), report.json(), "a resend has the same bytes, so the key folds it into one");
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", report.validKey());
    }

    @Test
    void missingOrWrongFieldsAreNamedAndNothingElse() {
        FallbackReport empty = FallbackReport.from(Map.of());
        assertEquals(Set.of("category", "description", "address"), empty.problems());
        FallbackReport wrong = new FallbackReport("ARSON", "x".repeat(2001), "a\0b", "call me", "not-a-key");
        assertEquals(Set.of("category", "description", "address", "phone"), wrong.problems());
        assertNull(wrong.validKey());
        FallbackReport noPhone = new FallbackReport("OTHER", "넘어졌습니다", "광화문역 2번 출구", "", "");
        assertTrue(noPhone.problems().isEmpty());
        assertTrue(!new String(noPhone.json(), StandardCharsets.UTF_8).contains("reporterPhone"));
    }

    @Test
    void theServicesFieldErrorsPointAtTheFormsFields() {
        assertEquals("phone", FallbackReport.formField("reporterPhone"));
        assertEquals("address", FallbackReport.formField("located"));
        assertEquals("description", FallbackReport.formField("description"));
        assertNull(FallbackReport.formField("attachments[0]"));
    }
}

package kr.civilportal.notification.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.event.PetitionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates();

    private static PetitionEvent event(String type, String reason, LocalDate dueOn) {
        return new PetitionEvent(UUID.randomUUID(), type, 1, "residency", Instant.parse("2026-12-07T01:02:03Z"),
                "8f14e45f-ceea-467f-a0e6-7a4b3d2c1b0a", List.of(UUID.randomUUID()),
                Optional.of("8f14e45f"), Optional.ofNullable(reason), Optional.ofNullable(dueOn));
    }

    @Test
    void receivedInKoreanNamesTheReferenceAndTheProcessingDeadline() {
        RenderedMessage m = templates.render(event("residency.move-in.received", null, LocalDate.of(2026, 12, 10)),
                Language.KO).orElseThrow();
        assertEquals("전입신고 접수 (8f14e45f)", m.title());
        assertEquals("전입신고가 접수되었습니다 (접수번호 8f14e45f). 처리기한: 2026-12-10", m.body());
    }

    @Test
    void approvedInBothLanguages() {
        PetitionEvent approved = event("residency.move-in.approved", null, null);
        assertTrue(templates.render(approved, Language.KO).orElseThrow().body().startsWith("전입신고가 처리되었습니다"));
        assertEquals("Your move-in report has been processed (reference 8f14e45f).",
                templates.render(approved, Language.EN).orElseThrow().body());
    }

    @Test
    void rejectedCarriesTheOfficersReason() {
        PetitionEvent rejected = event("residency.move-in.rejected", "전입 주소에 거주 사실 미확인", null);
        assertEquals("전입신고가 반려되었습니다 (접수번호 8f14e45f). 사유: 전입 주소에 거주 사실 미확인",
                templates.render(rejected, Language.KO).orElseThrow().body());
        assertTrue(templates.render(rejected, Language.EN).orElseThrow().body()
                .endsWith("Reason: 전입 주소에 거주 사실 미확인"));
    }

    @Test
    void supplementRequestedCarriesReasonAndDeadline() {
        PetitionEvent supplement = event("residency.move-in.supplement-requested", "임대차계약서 사본",
                LocalDate.of(2026, 12, 14));
        assertTrue(templates.render(supplement, Language.KO).orElseThrow().body()
                .startsWith("전입신고에 보완이 필요합니다: 임대차계약서 사본 (2026-12-14까지)"));
        assertTrue(templates.render(supplement, Language.EN).orElseThrow().body()
                .startsWith("Your move-in report needs more information: 임대차계약서 사본 (by 2026-12-14)"));
    }

    @Test
    void theMoveInSupplementReminderSaysTomorrowWhatIsMissingAndTheRejectionInBothLanguages() {
        PetitionEvent dueSoon = event("residency.move-in.supplement-due-soon", "임대차계약서 사본",
                LocalDate.of(2026, 12, 8));
        RenderedMessage ko = templates.render(dueSoon, Language.KO).orElseThrow();
        assertEquals("전입신고 보완 기한 임박 (8f14e45f)", ko.title());
        assertEquals("내일(2026-12-08)까지 전입신고의 보완이 필요합니다: 임대차계약서 사본. 기한이 지나면 반려됩니다 (접수번호 8f14e45f).",
                ko.body());
        RenderedMessage en = templates.render(dueSoon, Language.EN).orElseThrow();
        assertEquals("Move-in report: more information due tomorrow (8f14e45f)", en.title());
        assertEquals("Your move-in report still needs more information by tomorrow (2026-12-08): 임대차계약서 사본. "
                + "Otherwise it will be rejected (reference 8f14e45f).", en.body());
    }

    @Test
    void passportSupplementAndPickupInBothLanguages() {
        PetitionEvent supplement = event("passport.application.supplement-requested", "사진 규격 불일치",
                LocalDate.of(2026, 12, 21));
        assertEquals("여권 발급 신청에 보완이 필요합니다: 사진 규격 불일치 (2026-12-21까지) (접수번호 8f14e45f)",
                templates.render(supplement, Language.KO).orElseThrow().body());
        assertEquals("Passport ready for pickup (8f14e45f)", templates.render(
                event("passport.application.ready-for-pickup", null, null), Language.EN).orElseThrow().title());
    }

    @Test
    void aMissingValueIsSaidSoNotLeftAsAPlaceholder() {
        RenderedMessage m = templates.render(event("residency.move-in.rejected", null, null), Language.KO).orElseThrow();
        assertTrue(m.body().endsWith("사유: 사유 미기재"), m.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"residency.move-in.received", "residency.move-in.approved", "residency.move-in.rejected",
            "residency.move-in.supplement-requested", "residency.move-in.supplement-due-soon",
            "residency.certificate.issued", "passport.application.received",
            "passport.application.supplement-requested", "passport.application.approved",
            "passport.application.ready-for-pickup", "passport.application.issued", "passport.application.rejected"})
    void everyTypeOfDocsEventsIsKnownAndFullyFilledInEveryLanguage(String type) {
        assertTrue(templates.knows(type));
        for (Language language : Language.values()) {
            RenderedMessage m = templates.render(event(type, "사유", LocalDate.of(2026, 12, 1)), language).orElseThrow();
            assertFalse(m.title().contains("{") || m.body().contains("{"), m.title() + " / " + m.body());
            assertFalse(m.title().isBlank() || m.body().isBlank());
        }
    }

    @Test
    void aResidentNumberOrPhoneTypedIntoTheReasonIsMasked() {
        RenderedMessage m = templates.render(event("residency.move-in.rejected",
                "900101-1234567 세대주 확인 필요, 010-1234-5678로 연락", null), Language.KO).orElseThrow();
        assertTrue(m.body().contains("900101-1******") && m.body().contains("010-****-5678"), m.body());
        assertFalse(m.body().contains("1234567") || m.body().contains("1234-5678"), m.body());
    }

    @Test
    void anUnknownTypeHasNoMessage() {
        assertFalse(templates.knows("residency.move-in.exploded"));
        assertTrue(templates.render(event("residency.move-in.exploded", null, null), Language.KO).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void textBetweenBracesThatNamesNoValueStays(Language language) {
        assertEquals("{x} a {reference}", NotificationTemplates.fill("{x} a {reference}", java.util.Map.of()));
        assertEquals(language, Language.ofCode(language.code()));
    }

    private static PetitionEvent withDetails(String type, java.util.Map<String, String> details) {
        return new PetitionEvent(UUID.randomUUID(), type, 1, "land-registry", Instant.parse("2026-12-07T01:02:03Z"),
                "L-1", List.of(UUID.randomUUID()), Optional.of("L-77"), Optional.empty(), Optional.empty(),
                details, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"land-registry.owner-change.recorded", "land-registry.owner-change.rejected",
            "passport.application.supplement-due-soon", "passport.appointment.pickup-reminder",
            "emergency-report.report.acknowledged", "emergency-report.report.unit-dispatched",
            "emergency-report.report.closed"})
    void everyNewTypeHasTextsInBothLanguages(String type) {
        assertTrue(templates.knows(type), type);
    }

    @Test
    void anOwnerWhoDidNotMakeTheChangeIsToldToContactTheRegistryOffice() {
        PetitionEvent recorded = withDetails("land-registry.owner-change.recorded", java.util.Map.of(
                "parcel", "1168010100108250000", "changedOn", "2026-12-06", "cause", "SALE"));
        String ko = templates.render(recorded, Language.KO).orElseThrow().body();
        assertEquals("토지(고유번호 1168010100108250000)의 소유권 변동이 2026-12-06에 기록되었습니다 (원인: 매매, 접수번호 L-77). "
                + "본인이 신청하거나 동의하지 않은 변동이라면 즉시 관할 등기소에 문의해 주세요.", ko);
        assertTrue(templates.render(recorded, Language.EN).orElseThrow().body()
                .contains("(cause: sale, reference L-77). If you did not make or agree to this change, contact the "
                        + "registry office at once."));
    }

    @Test
    void codesAreToldInWordsAndAnUnknownCodeAsItIs() {
        PetitionEvent closed = withDetails("emergency-report.report.closed", java.util.Map.of("outcome", "TRANSPORTED"));
        assertTrue(templates.render(closed, Language.KO).orElseThrow().body().contains("신고가 종결되었습니다: 병원 이송"));
        assertTrue(templates.render(closed, Language.EN).orElseThrow().body().contains("closed: taken to hospital"));
        PetitionEvent later = withDetails("emergency-report.report.closed", java.util.Map.of("outcome", "NEW_CODE"));
        assertTrue(templates.render(later, Language.KO).orElseThrow().body().contains("종결되었습니다: NEW_CODE"));
    }

    @Test
    void thePickupReminderNamesTheTimeAndTheOffice() {
        PetitionEvent reminder = withDetails("passport.appointment.pickup-reminder", java.util.Map.of(
                "pickupAt", "2026-12-08T10:30", "office", "종로구청 민원여권과"));
        assertEquals("내일 2026-12-08 10:30에 종로구청 민원여권과에서 여권을 찾아가실 수 있습니다. 신분증을 지참해 주세요 (접수번호 L-77).",
                templates.render(reminder, Language.KO).orElseThrow().body());
    }

    @Test
    void a119TextStartsWith119AndMasksANumberInFreeText() {
        PetitionEvent closed = withDetails("emergency-report.report.closed", java.util.Map.of(
                "outcome", "보호자 010-1234-5678 인계"));
        String body = templates.render(closed, Language.KO).orElseThrow().body();
        assertTrue(body.startsWith("[119] "), body);
        assertFalse(body.contains("1234-5678"), body);
    }
}

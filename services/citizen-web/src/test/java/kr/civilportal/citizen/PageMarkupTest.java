package kr.civilportal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.passport.PassportDraft;
import kr.civilportal.citizen.passport.PassportDrafts;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.NuHtmlChecker;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.Test;

/**
 * Every citizen page, in its states (filled, with errors, unavailable, waiting), in Korean and English, is valid
 * HTML by the W3C Nu HTML checker: the pages are rendered against a scripted API and checked together.
 */
@QuarkusTest
class PageMarkupTest {

    private static final Path PAGES = Path.of("target/pages");
    private static final UUID APPLICATION = UUID.fromString("6a0e3d5c-4b1f-4f2e-9c1a-2b3c4d5e6f70");
    private static final UUID SUPPLEMENT_ASKED = UUID.fromString("5e2f3a41-2b3c-4d4e-9f50-6b7c8d9e0f12");
    private static final UUID SLOT = UUID.fromString("7b1f4e6d-5c2a-4a3f-8d2b-3c4d5e6f7081");
    private static final UUID REPORT = UUID.fromString("8c2a5f7e-6d3b-4b4a-9e3c-4d5e6f708192");
    private static final String PNU = "1111010100100010000";
    private static final UUID MOVE_IN = UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e");
    /** The fee paid online: waiting for it, paid (the receipt), and refunded after a rejection. */
    private static final UUID AWAITING_PAYMENT = UUID.fromString("9d3b6a8f-7e4c-4c5b-8f4d-5e6f708192a3");
    private static final UUID PAID = UUID.fromString("9d3b6a8f-7e4c-4c5b-8f4d-5e6f708192a4");
    private static final UUID REFUNDED = UUID.fromString("9d3b6a8f-7e4c-4c5b-8f4d-5e6f708192a5");

    /** 알림함's second page of three: unread and read, with and without a petition's page. */
    private static final String NOTIFICATIONS = "{\"items\":[{\"id\":\"11111111-1111-4111-8111-111111111111\","
            + "\"type\":\"residency.move-in.approved\",\"source\":\"residency\",\"petitionId\":\"" + "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e"
            + "\",\"language\":\"ko\",\"title\":\"전입신고 처리 완료 (6a1b2c3d)\",\"body\":\"전입신고가 처리되었습니다.\","
            + "\"occurredAt\":\"2026-12-07T01:02:03Z\",\"createdAt\":\"2026-12-07T01:02:04Z\",\"readAt\":null},"
            + "{\"id\":\"22222222-2222-4222-8222-222222222222\",\"type\":\"residency.certificate.issued\",\"source\":"
            + "\"residency\",\"petitionId\":\"1234-5678-9012-3452\",\"language\":\"ko\",\"title\":\"주민등록표 발급\","
            + "\"body\":\"주민등록표가 발급되었습니다.\",\"occurredAt\":\"2026-12-06T01:02:03Z\",\"createdAt\":"
            + "\"2026-12-06T01:02:04Z\",\"readAt\":\"2026-12-06T05:00:00Z\"},"
            + "{\"id\":\"33333333-3333-4333-8333-333333333333\",\"type\":\"other.kind\",\"source\":\"other\","
            + "\"petitionId\":null,\"language\":\"en\",\"title\":\"Something\",\"body\":\"Text\",\"occurredAt\":"
            + "\"2026-12-05T01:02:03Z\",\"createdAt\":\"2026-12-05T01:02:04Z\",\"readAt\":null}],"
            + "\"page\":1,\"size\":20,\"total\":45}";

    /** 알림 설정 with a number (masked, as the service returns it), 문자 on and quiet hours. */
    private static final String PREFERENCES = "{\"language\":\"ko\",\"email\":\"hong@example.kr\",\"emailEnabled\":true,"
            + "\"phone\":\"010-****-5678\",\"smsEnabled\":true,\"kakaoEnabled\":false,\"quietHours\":true}";

    /** A 세대주 변경 as residency lists it (names masked), with an id of its own. */
    private static String headChange(String status, String role) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"" + status + "\",\"filedAt\":"
                + "\"2026-12-07T09:30:00+09:00\"," + (status.startsWith("AWAITING") ? ""
                        : "\"decidedAt\":\"2026-12-07T10:00:00+09:00\",") + "\"role\":\"" + role + "\","
                + "\"newHead\":{\"name\":\"박*호\"},\"filer\":{\"name\":\"김*민\"},"
                + "\"relations\":[{\"name\":\"김*민\",\"relationToHead\":\"SPOUSE\"}]}";
    }

    @Inject
    PassportDrafts drafts;

    @Test
    void everyPageIsValidHtml() throws Exception {
        script();
        String token = Tokens.of("citizen");
        drafts.save(subject(token), draft());
        for (String lang : List.of("ko", "en")) {
            PageSession citizen = new PageSession(token);
            citizen.cookies().put("lang", lang);
            PageSession anonymous = new PageSession(null);
            anonymous.cookies().put("lang", lang);
            save(lang, "home", anonymous.get("/").asString());
            save(lang, "verify", anonymous.get("/verify").asString());
            save(lang, "verify-genuine", anonymous.get("/verify?number=123456789012").asString());
            save(lang, "verify-empty", anonymous.get("/verify?asked=true").asString());
            String report = anonymous.get("/report-119").asString();
            save(lang, "report-119", report);
            save(lang, "report-119-errors", anonymous.post("/report-119", report, Map.of()).asString());
            save(lang, "report-119-receipt", anonymous.get("/report-119/receipts/" + REPORT + "?token=t").asString());
            save(lang, "report-119-held", anonymous.get("/report-119/held/" + REPORT + "?token=t").asString());
            save(lang, "dashboard", citizen.get("/my").asString());
            save(lang, "record-reads", citizen.get("/my/record-reads").asString());
            save(lang, "notifications", citizen.get("/my/notifications?page=1&marked=true").asString());
            String settings = citizen.get("/my/notifications/settings?saved=true").asString();
            save(lang, "notification-settings", settings);
            save(lang, "notification-settings-errors", citizen.post("/my/notifications/settings", settings,
                    Map.of("language", "ko", "email", "hong@@example", "emailEnabled", "true", "phone", "010-12",
                            "smsEnabled", "true")).then().statusCode(400).extract().asString());
            GatewayStandIn.answer("GET", "/api/notification/v1/me/preferences", r -> Answer.json(200,
                    "{\"language\":\"en\",\"email\":null,\"emailEnabled\":false,\"phone\":null,"
                            + "\"smsEnabled\":false,\"kakaoEnabled\":false,\"quietHours\":false}"));
            String noPhone = citizen.get("/my/notifications/settings").asString();
            save(lang, "notification-settings-no-phone", noPhone);
            save(lang, "notification-settings-phone-needed", citizen.post("/my/notifications/settings", noPhone,
                    Map.of("language", "en", "kakaoEnabled", "true")).then().statusCode(400).extract().asString());
            GatewayStandIn.answer("GET", "/api/notification/v1/me/preferences", r -> Answer.json(200, PREFERENCES));
            GatewayStandIn.answer("GET", "/api/notification/v1/me/notifications", r -> Answer.problem(503, "{}"));
            save(lang, "notifications-unavailable", citizen.get("/my/notifications").then().statusCode(503)
                    .extract().asString());
            GatewayStandIn.answer("GET", "/api/notification/v1/me/notifications", r -> Answer.json(200,
                    "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}"));
            save(lang, "notifications-none", citizen.get("/my/notifications").asString());
            GatewayStandIn.answer("GET", "/api/notification/v1/me/notifications", r -> Answer.json(200, NOTIFICATIONS));
            save(lang, "certificates", citizen.get("/my/certificates?issued=1234-5678-9012-3452").asString());
            // 세대주 변경: the form (the signed-in head has a member) with recently decided changes listed, the form
            // with its errors, then changes waiting (one for the citizen to answer, one they filed).
            GatewayStandIn.answer("GET", "/api/residency/v1/household/head-changes", r -> Answer.json(200,
                    "[" + headChange("APPLIED", "FILER") + "," + headChange("REFUSED", "FILER") + "]"));
            String household = citizen.get("/my/household?done=consented").asString();
            assertTrue(household.contains("id=\"head-change\""), "the 세대주 변경 form: " + household);
            save(lang, "household", household);
            save(lang, "household-head-change-errors", citizen.post("/my/household/head-changes", household,
                    Map.of()).then().statusCode(400).extract().asString());
            GatewayStandIn.answer("GET", "/api/residency/v1/household/head-changes", r -> Answer.json(200,
                    "[" + headChange("AWAITING_NEW_HEAD", "NEW_HEAD") + "," + headChange("AWAITING_NEW_HEAD", "FILER")
                            + "]"));
            String waiting = citizen.get("/my/household?done=head-change-filed").asString();
            assertTrue(waiting.contains("id=\"head-change-requests\"") && waiting.contains("<caption>"), waiting);
            save(lang, "household-head-change-waiting", waiting);
            String moveIn = citizen.get("/my/move-in").asString();
            save(lang, "move-in", moveIn);
            save(lang, "move-in-errors", citizen.post("/my/move-in", moveIn, Map.of("mode", "JOIN_HOUSEHOLD")).asString());
            save(lang, "move-in-resend", citizen.get("/my/move-in?resend=true").asString());
            save(lang, "move-in-address-found", citizen.post("/my/move-in", moveIn, Map.of("action", "search-address",
                    "mode", "NEW_HOUSEHOLD", "addressQuery", "세종대로 209")).then().statusCode(200).extract().asString());
            save(lang, "move-in-address-none", citizen.post("/my/move-in", moveIn, Map.of("action", "search-address",
                    "mode", "NEW_HOUSEHOLD", "addressQuery", "없는로 1")).then().statusCode(200).extract().asString());
            // Nothing chosen among the matches: the error by the choices.
            save(lang, "move-in-address-unchosen", citizen.post("/my/move-in", moveIn, Map.of("mode", "NEW_HOUSEHOLD",
                    "movedInOn", "2026-11-20", "addressQuery", "세종대로 209")).then().statusCode(400).extract().asString());
            String choices = citizen.get("/my/passport").asString();
            assertTrue(choices.contains("value=\"NEW\" checked") && choices.contains("value=\"TEN_YEARS\" checked")
                    && choices.contains("value=\"58\" checked"), "the draft's choices are shown chosen");
            save(lang, "passport-choices", choices);
            save(lang, "passport-photo", citizen.get("/my/passport/photo").asString());
            String review = citizen.get("/my/passport/review").asString();
            assertTrue(review.contains("id=\"office-jongno\"") && review.contains("마포구청"), "the receiving offices are offered");
            save(lang, "passport-review", review);
            // No office chosen: said next to the field, passport not asked.
            save(lang, "passport-review-errors", citizen.post("/my/passport/submission", review, Map.of())
                    .then().statusCode(400).extract().asString());
            save(lang, "passport-detail", citizen.get("/my/petitions/passport/" + APPLICATION
                    + "?photoRefused=too%20small").asString());
            String moveInPage = citizen.get("/my/petitions/move-in/" + MOVE_IN).asString();
            save(lang, "move-in-supplement", moveInPage);
            save(lang, "move-in-supplement-errors", citizen.post("/my/petitions/move-in/" + MOVE_IN
                    + "/supplement-answer", moveInPage, Map.of("answer", " ")).asString());
            save(lang, "passport-supplement", citizen.get("/my/petitions/passport/" + SUPPLEMENT_ASKED
                    + "?photoReplaced=true").asString());
            String awaiting = citizen.get("/my/petitions/passport/" + AWAITING_PAYMENT + "?payment=returned").asString();
            assertTrue(awaiting.contains("id=\"pay\""), "the 수수료 결제 form: " + awaiting);
            save(lang, "passport-payment-due", awaiting);
            save(lang, "passport-payment-refused", citizen.post("/my/petitions/passport/" + AWAITING_PAYMENT + "/payment",
                    awaiting, Map.of()).then().statusCode(503).extract().asString());
            String paid = citizen.get("/my/petitions/passport/" + PAID + "?payment=returned").asString();
            assertTrue(paid.contains("id=\"receipt\""), "the receipt: " + paid);
            save(lang, "passport-payment-receipt", paid);
            save(lang, "passport-payment-refunded", citizen.get("/my/petitions/passport/" + REFUNDED).asString());
            save(lang, "appointments", citizen.get("/my/appointments").asString());
            String booking = citizen.get("/my/appointments/" + APPLICATION).asString();
            save(lang, "appointment", booking);
            save(lang, "waiting-room", citizen.post("/my/appointments/" + APPLICATION, booking,
                    Map.of("slotId", SLOT.toString())).asString());
            save(lang, "land", citizen.get("/my/land?address=" + "청운동 1").asString());
            save(lang, "land-parcel", citizen.get("/my/land/parcels/" + PNU + "?issued=1234-5678-9012-3452").asString());
            save(lang, "not-found", citizen.get("/my/appointments/not-an-id").asString());
            save(lang, "land-unavailable", citizen.get("/my/land/parcels/1111010100100099999").asString());
        }
        List<String> errors = NuHtmlChecker.errors(PAGES);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    private static void save(String lang, String name, String html) throws Exception {
        assertTrue(html.startsWith("<!DOCTYPE html>"), name + ": " + html);
        NuHtmlChecker.save(PAGES, lang + "-" + name, html);
    }

    private static void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/notification/v1/me/notifications", r -> Answer.json(200, NOTIFICATIONS));
        GatewayStandIn.answer("GET", "/api/notification/v1/me/notifications/unread-count",
                r -> Answer.json(200, "{\"unread\":2}"));
        GatewayStandIn.answer("GET", "/api/notification/v1/me/preferences", r -> Answer.json(200, PREFERENCES));
        GatewayStandIn.answer("PUT", "/api/notification/v1/me/preferences", r -> Answer.problem(400,
                "{\"status\":400,\"errors\":[{\"field\":\"email\",\"detail\":\"must be a well-formed email address\"},"
                        + "{\"field\":\"phone\",\"detail\":\"must be a Korean mobile number\"}]}"));
        String application = "{\"id\":\"" + APPLICATION + "\",\"kind\":\"NEW\",\"status\":\"READY_FOR_PICKUP\","
                + "\"dueOn\":\"2026-12-02\",\"overdue\":false,"
                + "\"submittedAt\":\"2026-11-20T01:00:00Z\",\"history\":[{\"to\":\"SUBMITTED\",\"at\":\"2026-11-20T01:00:00Z\"},"
                + "{\"to\":\"SUPPLEMENT_REQUESTED\",\"at\":\"2026-11-21T01:00:00Z\",\"reason\":\"사진 불량\",\"supplementDeadline\":\"2026-12-01\"}]}";
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins/" + MOVE_IN, r -> Answer.json(200, "{\"id\":\""
                + MOVE_IN + "\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"SUPPLEMENT_REQUESTED\",\"submittedAt\":"
                + "\"2026-12-05T01:00:00Z\",\"officeName\":\"종로구청\",\"dueAt\":\"2026-12-08T10:00:00+09:00\","
                + "\"overdue\":false,\"supplements\":[{\"what\":\"가족관계증명서\",\"deadline\":\"2026-12-10\","
                + "\"requestedAt\":\"2026-12-05T02:00:00Z\",\"answer\":\"첨부합니다\",\"answeredAt\":\"2026-12-05T03:00:00Z\","
                + "\"documents\":[{\"documentId\":\"0d1e2f3a-4b5c-4d6e-8f70-000000000001\",\"fileName\":\"family.pdf\","
                + "\"mediaType\":\"application/pdf\",\"bytes\":48213},{\"documentId\":"
                + "\"0d1e2f3a-4b5c-4d6e-8f70-000000000002\",\"fileName\":\"scan.png\",\"mediaType\":\"image/png\","
                + "\"bytes\":1200}]},{\"what\":\"임대차계약서 사본\",\"deadline\":\"2026-12-20\","
                + "\"requestedAt\":\"2026-12-06T01:00:00Z\",\"lapsed\":false}]}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/addresses", r -> Answer.json(200, r.query().contains("없는로")
                ? "[]" : "[{\"roadNameAddress\":\"서울특별시 종로구 세종대로 209\",\"legalDong\":\"세종로\","
                        + "\"buildingName\":\"정부서울청사\",\"postalCode\":\"03171\",\"administrativeDong\":\"사직동\"},"
                        + "{\"roadNameAddress\":\"서울특별시 종로구 사직로 161\",\"legalDong\":\"세종로\",\"buildingName\":null,"
                        + "\"postalCode\":\"03045\",\"administrativeDong\":\"사직동\"}]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/verifications/123456789012", r -> Answer.json(200,
                "{\"issuanceNumber\":\"123456789012\",\"kind\":\"HOUSEHOLD\",\"issuedAt\":\"2026-11-20T10:00:00+09:00\",\"contentHash\":\"ab12\"}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/receipts/" + REPORT, r -> Answer.json(200,
                "{\"reportId\":\"" + REPORT + "\",\"status\":\"RECEIVED\",\"receivedAt\":\"2026-11-20T01:00:00Z\","
                        + "\"reporterPhone\":\"010-****-5678\",\"attachments\":[{}]}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/relay/" + REPORT, r -> Answer.json(200,
                "{\"relayId\":\"" + REPORT + "\",\"state\":\"HELD\",\"receivedAt\":\"2026-11-20T01:00:00Z\"}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/me/access-log", r -> Answer.json(200, "[{\"accessedAt\":"
                + "\"2026-11-20T10:00:00+09:00\",\"official\":\"residency-officer\",\"role\":\"residency-officer\","
                + "\"action\":\"READ_RECORD\",\"reason\":\"전입신고 세대 확인\"}]"));
        // Passport does not answer: its part alone says so, with an id of its own.
        GatewayStandIn.answer("GET", "/api/passport/v1/me/photo-reads", r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[{\"id\":\"" + UUID.randomUUID()
                + "\",\"mode\":\"JOIN_HOUSEHOLD\",\"status\":\"AWAITING_HEAD\",\"submittedAt\":\"2026-11-22T10:00:00+09:00\"},"
                + "{\"id\":\"" + UUID.randomUUID()
                + "\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"REJECTED\",\"rejectionReason\":\"주소 불명\",\"submittedAt\":\"2026-11-20T10:00:00+09:00\","
                + "\"decidedAt\":\"2026-11-21T10:00:00+09:00\"}]"));
        // 우리 세대 on the household page: the members' table, the citizen's own row marked.
        GatewayStandIn.answer("GET", "/api/residency/v1/me", r -> Answer.json(200, "{\"residentId\":"
                + "\"5e0b7a52-1c1d-4c9e-9f00-000000000001\",\"household\":{\"address\":\"서울특별시 종로구 세종대로 209 (세종로), "
                + "101동 1203호\",\"members\":[{\"residentId\":\"5e0b7a52-1c1d-4c9e-9f00-000000000001\",\"name\":\"김지민\","
                + "\"relationToHead\":\"HEAD\",\"residentRegistrationNumber\":\"900315-2******\"},{\"residentId\":"
                + "\"5e0b7a52-1c1d-4c9e-9f00-000000000003\",\"name\":\"박준호\",\"relationToHead\":\"SPOUSE\","
                + "\"residentRegistrationNumber\":\"880702-1******\"}]}}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/household/join-requests", r -> Answer.json(200, "[{\"id\":\""
                + UUID.randomUUID() + "\",\"requesterName\":\"이*연\",\"relationToHead\":\"SIBLING\","
                + "\"movedInOn\":\"2026-11-22\",\"status\":\"AWAITING_HEAD\",\"submittedAt\":\"2026-11-22T10:00:00+09:00\"}]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200,
                "[{\"issuanceNumber\":\"1234-5678-9012-3452\",\"kind\":\"PERSONAL_HISTORY\",\"issuedAt\":\"2026-11-20T10:00:00+09:00\"}]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[" + application + "]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + APPLICATION, r -> Answer.json(200, application));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + SUPPLEMENT_ASKED, r -> Answer.json(200,
                application.replace(APPLICATION.toString(), SUPPLEMENT_ASKED.toString())
                        .replace("\"status\":\"READY_FOR_PICKUP\"", "\"status\":\"SUPPLEMENT_REQUESTED\"")));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + APPLICATION + "/appointment", r -> Answer.json(200,
                "{\"slotId\":\"" + SLOT + "\",\"officeName\":\"종로구청\",\"startsAt\":\"2026-12-01T01:00:00Z\",\"bookedAt\":\"2026-11-22T01:00:00Z\"}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/pickup-slots", r -> Answer.json(200, "[{\"id\":\"" + SLOT
                + "\",\"officeId\":\"jongno\",\"officeName\":\"종로구청\",\"startsAt\":\"2026-12-01T01:00:00Z\",\"remaining\":0},"
                + "{\"id\":\"" + UUID.randomUUID() + "\",\"officeId\":\"mapo\",\"officeName\":\"마포구청\",\"startsAt\":\"2026-12-01T02:00:00Z\",\"remaining\":2}]"));
        GatewayStandIn.answer("POST", "/api/passport/v1/applications/" + APPLICATION + "/appointment", r -> new Answer(202,
                Map.of("Content-Type", "application/json", "Location", "/api/waiting-room/tickets/t", "Retry-After", "3"),
                "{\"ticket\":\"t\",\"route\":\"passport\",\"admitted\":false,\"position\":12,\"estimatedWaitSeconds\":4}"));
        String payment = "{\"method\":\"ONLINE\",\"state\":\"AWAITING\",\"amountKrw\":52000}";
        String paidOnline = "{\"method\":\"ONLINE\",\"state\":\"PAID\",\"amountKrw\":52000,\"paymentId\":\"pay_1\","
                + "\"paidAt\":\"2026-11-20T01:05:00Z\",\"approvalNumber\":\"30418275\",\"cardSummary\":\"VISA **** 4242\"}";
        GatewayStandIn.answer("POST", "/api/passport/v1/applications/" + AWAITING_PAYMENT + "/payment-check",
                r -> Answer.json(200, passport(AWAITING_PAYMENT, "AWAITING_PAYMENT", payment)));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + AWAITING_PAYMENT,
                r -> Answer.json(200, passport(AWAITING_PAYMENT, "AWAITING_PAYMENT", payment)));
        // The provider is down: passport's 503, said in words on the page.
        GatewayStandIn.answer("POST", "/api/passport/v1/applications/" + AWAITING_PAYMENT + "/payments",
                r -> Answer.problem(503, "{\"status\":503}"));
        GatewayStandIn.answer("POST", "/api/passport/v1/applications/" + PAID + "/payment-check",
                r -> Answer.json(200, passport(PAID, "SUBMITTED", paidOnline)));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + REFUNDED, r -> Answer.json(200,
                passport(REFUNDED, "REJECTED", paidOnline.replace("\"PAID\"", "\"REFUNDED\"").replace("}",
                        ",\"refundedAmountKrw\":52000,\"refundedAt\":\"2026-11-22T01:00:00Z\"}"))));
        GatewayStandIn.answer("GET", "/api/passport/v1/fees", r -> Answer.json(200,
                "{\"totalKrw\":53000,\"issuanceFeeKrw\":38000,\"contributionKrw\":15000}"));
        GatewayStandIn.answer("GET", "/api/land/v1/parcels", r -> Answer.json(200, "{\"items\":[{\"pnu\":\"" + PNU
                + "\",\"address\":\"서울특별시 종로구 청운동 1\",\"landCategory\":\"대\",\"areaSquareMeters\":661.2}],\"page\":0,\"total\":1}"));
        GatewayStandIn.answer("GET", "/api/land/v1/parcels/" + PNU, r -> Answer.json(200, "{\"pnu\":\"" + PNU
                + "\",\"address\":\"서울특별시 종로구 청운동 1\",\"landCategory\":{\"code\":\"08\",\"name\":\"대\",\"nameEn\":\"Building site\"},"
                + "\"areaSquareMeters\":661.2,\"officialLandPrices\":[{\"year\":2025,\"pricePerSquareMeter\":5396000}],"
                + "\"ownerHistory\":[{\"sequence\":1,\"changedOn\":\"2024-03-15\",\"ownerName\":\"홍*동\",\"share\":\"1/1\",\"causeKo\":\"매매\"}]}"));
        GatewayStandIn.answer("GET", "/api/land/v1/parcels/1111010100100099999", r -> Answer.problem(503, "{}"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[{\"issuanceNumber\":"
                + "\"2345-6789-0123-4563\",\"issuedAt\":\"2026-11-21T10:00:00+09:00\",\"pnu\":\"" + PNU
                + "\",\"address\":\"서울특별시 종로구 청운동 1\"}]"));
    }

    private static String passport(UUID id, String status, String payment) {
        return "{\"id\":\"" + id + "\",\"kind\":\"NEW\",\"status\":\"" + status + "\",\"submittedAt\":"
                + "\"2026-11-20T01:00:00Z\",\"history\":[{\"to\":\"" + status + "\",\"at\":\"2026-11-20T01:00:00Z\"}],"
                + "\"payment\":" + payment + "}";
    }

    private static PassportDraft draft() {
        PassportDraft draft = new PassportDraft();
        draft.kind = "NEW";
        draft.validity = "TEN_YEARS";
        draft.pages = "58";
        draft.photo = new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        draft.photoName = "photo.jpg";
        return draft;
    }

    /** The token's subject: whose draft it is. */
    private static String subject(String token) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        String sub = new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        assertEquals(36, sub.length(), "a Keycloak user id");
        return sub;
    }
}

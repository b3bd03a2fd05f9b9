package kr.civilportal.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.NuHtmlChecker;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.Test;

/** Every console page, in its states, in Korean and English, is valid HTML by the W3C Nu HTML checker. */
@QuarkusTest
class PageMarkupTest {

    private static final Path PAGES = Path.of("target/pages");
    private static final UUID MOVE_IN = UUID.fromString("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");
    private static final UUID RESIDENT = UUID.fromString("2b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e");
    /** Move-in reports the officer holds (담당), and another residency officer holds. */
    private static final UUID MOVE_IN_MINE = UUID.fromString("8b9c0d1e-2f3a-4b8c-9d0e-1f2a3b4c5d6e");
    private static final UUID MOVE_IN_TAKEN = UUID.fromString("9c0d1e2f-3a4b-4c9d-8e1f-2a3b4c5d6e7f");
    private static final UUID APPLICATION = UUID.fromString("3c4d5e6f-7a8b-4c3d-8e4f-5a6b7c8d9e0f");
    /** An application whose identity check waits for an officer (담당자 확인 필요). */
    private static final UUID UNDECIDED = UUID.fromString("5e6f7a8b-9c0d-4e5f-8a6b-7c8d9e0f1a2b");
    private static final UUID REPORT = UUID.fromString("4d5e6f7a-8b9c-4d4e-9f5a-6b7c8d9e0f1a");
    private static final String PNU = "1111010100100010000";
    private static final UUID HELD = UUID.fromString("6f7a8b9c-0d1e-4f6a-9b7c-8d9e0f1a2b3c");
    /** An application another passport officer holds (담당). */
    private static final UUID TAKEN = UUID.fromString("7a8b9c0d-1e2f-4a7b-8c8d-9e0f1a2b3c4d");
    /**
     * Owner-change requests (소유자 변동 신청): nobody's and overdue, the land officer's own (taken over from another,
     * 담당 인계), another's.
     */
    private static final UUID LAND_REQUEST = UUID.fromString("0d1e2f3a-4b5c-4d0e-9f2a-3b4c5d6e7f80");
    private static final UUID LAND_REQUEST_MINE = UUID.fromString("1e2f3a4b-5c6d-4e1f-8a3b-4c5d6e7f8091");
    private static final UUID LAND_REQUEST_TAKEN = UUID.fromString("2f3a4b5c-6d7e-4f2a-9b4c-5d6e7f8091a2");

    @Test
    void everyPageIsValidHtml() throws Exception {
        script();
        for (String lang : List.of("ko", "en")) {
            // Each page as the official whose work it is (admin does no casework: see Roles).
            PageSession admin = official("admin", lang);
            PageSession residency = official("residency-officer", lang);
            PageSession passport = official("passport-officer", lang);
            PageSession land = official("land-officer", lang);
            PageSession dispatcher = official("dispatcher", lang);
            PageSession auditor = official("auditor", lang);
            PageSession supervisor = official("supervisor", lang);
            PageSession citizen = new PageSession(Tokens.of("citizen"));
            citizen.cookies().put("lang", lang);
            save(lang, "home", admin.get("/admin").asString());
            save(lang, "forbidden", citizen.get("/admin/land").asString());
            String queue = residency.get("/admin/move-ins?done=approved").asString();
            save(lang, "move-ins", queue);
            save(lang, "move-ins-errors", residency.post("/admin/move-ins/" + MOVE_IN + "/rejection", queue, Map.of()).asString());
            save(lang, "move-ins-holding", residency.get("/admin/move-ins?held=MINE&holding=taken").asString());
            save(lang, "move-ins-case-held", residency.post("/admin/move-ins/" + MOVE_IN + "/holder", queue, Map.of())
                    .asString());
            save(lang, "resident-prompt", residency.get("/admin/residents/" + RESIDENT + "?asked=true").asString());
            save(lang, "resident", residency.get("/admin/residents/" + RESIDENT + "?reason=check").asString());
            save(lang, "passports", passport.get("/admin/passports?identityCheck=VERIFIED&held=NOBODY").asString());
            String detail = passport.get("/admin/passports/" + APPLICATION + "?moved=true").asString();
            save(lang, "passport", detail);
            save(lang, "passport-errors", passport.post("/admin/passports/" + APPLICATION + "/transitions", detail,
                    Map.of("to", "SUPPLEMENT_REQUESTED")).asString());
            save(lang, "passport-held-by-other", passport.get("/admin/passports/" + TAKEN + "?holding=taken").asString());
            String undecided = passport.get("/admin/passports/" + UNDECIDED + "?photoReason=check").asString();
            save(lang, "passport-undecided", undecided);
            save(lang, "passport-undecided-errors", passport.post("/admin/passports/" + UNDECIDED + "/identity-check",
                    undecided, Map.of()).asString());
            save(lang, "passport-photo-errors", passport.get("/admin/passports/" + UNDECIDED + "?photoAsked=true")
                    .asString());
            save(lang, "land-search", land.get("/admin/land?asked=true&by=dong&q=1111010100&category=08").asString());
            save(lang, "land-search-errors", land.get("/admin/land?asked=true&by=pnu").asString());
            String parcel = land.get("/admin/land/parcels/" + PNU + "?recorded=true").asString();
            save(lang, "land-parcel", parcel);
            save(lang, "land-parcel-errors", land.post("/admin/land/parcels/" + PNU + "/owners", parcel,
                    Map.of("share", "half")).asString());
            String requests = land.get("/admin/land/requests?done=approved").asString();
            save(lang, "land-requests", requests);
            save(lang, "land-requests-errors", land.post("/admin/land/requests/" + LAND_REQUEST + "/rejection",
                    requests, Map.of()).asString());
            save(lang, "land-requests-holding", land.get("/admin/land/requests?held=MINE&holding=taken").asString());
            save(lang, "land-requests-taken-over", land.get("/admin/land/requests?holding=taken_over").asString());
            save(lang, "land-requests-takeover-errors", land.post("/admin/land/requests/" + LAND_REQUEST_TAKEN
                    + "/holder/takeover", requests, Map.of()).asString());
            save(lang, "land-requests-case-held", land.post("/admin/land/requests/" + LAND_REQUEST + "/holder",
                    requests, Map.of()).asString());
            save(lang, "dispatch", dispatcher.get("/admin/dispatch").asString());
            String report = dispatcher.get("/admin/dispatch/" + REPORT + "?noted=true").asString();
            save(lang, "dispatch-report", report);
            save(lang, "dispatch-report-errors", dispatcher.post("/admin/dispatch/" + REPORT + "/notes", report,
                    Map.of()).asString());
            save(lang, "system", admin.get("/admin/system").asString());
            save(lang, "audit", auditor.get("/admin/audit?official=passport-officer").asString());
            save(lang, "audit-errors", auditor.get("/admin/audit?from=2026-12-05&to=x").asString());
            save(lang, "held-reports", supervisor.get("/admin/held-reports").asString());
            String held = supervisor.get("/admin/held-reports/" + HELD + "?done=retry").asString();
            save(lang, "held-report", held);
            save(lang, "held-report-content", supervisor.get("/admin/held-reports/" + HELD + "?reason=check").asString());
            save(lang, "held-report-errors", supervisor.post("/admin/held-reports/" + HELD + "/resolution", held,
                    Map.of()).asString());
            save(lang, "resend", passport.get("/admin/passports/" + APPLICATION + "?resend=true").asString());
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
        String moveIn = "{\"id\":\"" + MOVE_IN
                + "\",\"residentId\":\"" + RESIDENT + "\",\"residentName\":\"김지민\",\"mode\":\"JOIN_HOUSEHOLD\","
                + "\"movedInOn\":\"2026-11-20\",\"relationToHead\":\"CHILD\",\"submittedAt\":\"2026-11-20T09:00:00+09:00\","
                + "\"dueAt\":\"2026-11-20T18:00:00+09:00\",\"overdue\":true}";
        String holder = ",\"holder\":{\"officer\":\"%s\",\"since\":\"2026-11-20T01:00:00Z\"}}";
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins", r -> Answer.json(200, "[" + moveIn + ","
                + moveIn.replace(MOVE_IN.toString(), MOVE_IN_MINE.toString()).replace("\"overdue\":true}",
                        "\"overdue\":false" + holder.formatted("residency-officer")) + ","
                + moveIn.replace(MOVE_IN.toString(), MOVE_IN_TAKEN.toString()).replace("\"overdue\":true}",
                        "\"overdue\":false" + holder.formatted("residency-officer3")) + "]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins/counts", r -> Answer.json(200,
                "{\"received\":3,\"inProgress\":1,\"overdue\":1,\"decidedToday\":2}"));
        GatewayStandIn.answer("PUT", "/api/residency/v1/officer/move-ins/" + MOVE_IN + "/holder", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409,\"detail\":\"Officer residency-officer3 "
                        + "holds this move-in report\",\"detailKo\":\"담당자 residency-officer3님이 처리 중인 전입신고입니다.\"}"));
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/residents/" + RESIDENT, r -> Answer.json(200,
                "{\"record\":{\"name\":\"김지민\",\"residentRegistrationNumber\":\"900101-1******\",\"address\":\"서울특별시 종로구\"}}"));
        String application = "{\"id\":\"" + APPLICATION + "\",\"kind\":\"REISSUE\",\"validity\":\"TEN_YEARS\",\"pages\":58,"
                + "\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-11-20T01:00:00Z\",\"fee\":{\"totalKrw\":53000},"
                + "\"identityCheck\":\"VERIFIED\",\"dueOn\":\"2026-12-01\",\"overdue\":true,"
                // Paid online: the payment line, and beside the step form that a rejection refunds it.
                + "\"payment\":{\"method\":\"ONLINE\",\"state\":\"PAID\",\"amountKrw\":53000,\"paidAt\":\"2026-11-20T00:55:00Z\","
                + "\"approvalNumber\":\"30418275\",\"cardSummary\":\"VISA **** 4242\"},"
                + "\"history\":[{\"to\":\"SUBMITTED\",\"at\":\"2026-11-20T01:00:00Z\",\"reason\":\"접수\"}]}";
        GatewayStandIn.answer("GET", "/api/passport/v1/applications", r -> Answer.json(200,
                "{\"items\":[" + application + "],\"page\":0,\"total\":120}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + APPLICATION, r -> Answer.json(200, application));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/counts", r -> Answer.json(200, "{\"received\":3,"
                + "\"inProgress\":2,\"waitingForSupplement\":1,\"overdue\":1,\"doneToday\":4}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + TAKEN, r -> Answer.json(200, application
                .replace(APPLICATION.toString(), TAKEN.toString()).replace("\"history\"",
                        "\"holder\":{\"officer\":\"passport-officer2\",\"since\":\"2026-11-20T02:00:00Z\"},\"history\"")));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + UNDECIDED, r -> Answer.json(200, application
                .replace(APPLICATION.toString(), UNDECIDED.toString()).replace("\"VERIFIED\"", "\"NEEDS_OFFICER\"")));
        GatewayStandIn.answer("GET", "/api/land/v1/parcels", r -> Answer.json(200, "{\"items\":[{\"pnu\":\"" + PNU
                + "\",\"address\":\"서울특별시 종로구 청운동 1\",\"landCategory\":\"대\",\"areaSquareMeters\":661.2}],\"page\":1,\"total\":45}"));
        GatewayStandIn.answer("GET", "/api/land/v1/parcels/" + PNU, r -> Answer.json(200, "{\"pnu\":\"" + PNU
                + "\",\"address\":\"서울특별시 종로구 청운동 1\",\"legalDongCode\":\"1111010100\",\"landCategory\":{\"code\":\"08\",\"name\":\"대\"},"
                + "\"areaSquareMeters\":661.2,\"officialLandPrices\":[],\"ownerHistory\":[{\"sequence\":1,\"ownerName\":\"홍길동\","
                + "\"share\":\"1/1\",\"changedOn\":\"2024-03-15\",\"cause\":\"SALE\",\"recordedAt\":\"2024-03-16T01:00:00Z\"}]}"));
        String request = "{\"id\":\"" + LAND_REQUEST + "\",\"pnu\":\"" + PNU + "\",\"address\":\"서울특별시 종로구 청운동 1\","
                + "\"ownerName\":\"홍길동\",\"share\":\"1/2\",\"changedOn\":\"2026-11-30\",\"cause\":\"SALE\","
                + "\"status\":\"RECEIVED\",\"requestedBy\":\"citizen\",\"receivedAt\":\"2026-12-01T01:02:03Z\","
                + "\"dueOn\":\"2026-12-03\",\"overdue\":true,\"office\":\"SEOUL-JONGNO\"}";
        String landHolder = ",\"holder\":{\"officer\":\"%s\",\"since\":\"2026-12-01T02:00:00Z\"}}";
        GatewayStandIn.answer("GET", "/api/land/v1/officer/owner-change-requests", r -> Answer.json(200, "[" + request
                + "," + request.replace(LAND_REQUEST.toString(), LAND_REQUEST_MINE.toString()).replace("\"overdue\":true",
                        "\"overdue\":false").replace("\"2026-12-03\"", "\"2999-12-10\"").replace("\"SEOUL-JONGNO\"}",
                        "\"SEOUL-JONGNO\"" + landHolder.formatted("land-officer").replace("\"}}",
                                "\",\"takenOverFrom\":\"land-officer2\",\"takeoverReason\":\"담당자 휴가\"}}")) + ","
                + request.replace(LAND_REQUEST.toString(), LAND_REQUEST_TAKEN.toString()).replace("\"office\":\"SEOUL-JONGNO\"}",
                        "\"office\":null" + landHolder.formatted("land-officer2")) + "]"));
        GatewayStandIn.answer("GET", "/api/land/v1/officer/owner-change-requests/counts", r -> Answer.json(200,
                "{\"received\":3,\"inProgress\":1,\"overdue\":1,\"decidedToday\":2}"));
        GatewayStandIn.answer("PUT", "/api/land/v1/officer/owner-change-requests/" + LAND_REQUEST + "/holder",
                r -> Answer.problem(409, "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409,\"detail\":"
                        + "\"Officer land-officer2 holds this owner-change request\",\"detailKo\":\"담당자 land-officer2님이 "
                        + "처리 중인 소유자 변동 신청입니다.\"}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/reports", r -> Answer.json(200, "{\"items\":[{\"reportId\":\"" + REPORT
                + "\",\"category\":\"FIRE\",\"description\":\"연기\",\"latitude\":37.5,\"longitude\":126.9,\"reporterPhone\":\"010-1234-5678\","
                + "\"status\":\"ACKNOWLEDGED\",\"priority\":1,\"receivedAt\":\"2026-11-20T01:00:00Z\",\"attachments\":[{}]},"
                + "{\"reportId\":\"" + UUID.randomUUID() + "\",\"category\":\"RESCUE\",\"description\":\"갇힘\",\"address\":\"광화문역\","
                + "\"status\":\"RECEIVED\",\"priority\":2,\"receivedAt\":\"2026-11-20T01:05:00Z\",\"attachments\":[]}]}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/reports/" + REPORT, r -> Answer.json(200, "{\"reportId\":\""
                + REPORT + "\",\"category\":\"FIRE\",\"description\":\"연기\",\"address\":\"광화문역\",\"latitude\":37.5,"
                + "\"longitude\":126.9,\"reporterPhone\":\"010-1234-5678\",\"status\":\"CLOSED\",\"priority\":1,"
                + "\"receivedAt\":\"2026-11-20T01:00:00Z\",\"assignedUnit\":\"종로소방서 펌프1\",\"outcome\":\"RESOLVED\"}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/reports/" + REPORT + "/events", r -> Answer.json(200,
                "[{\"kind\":\"RECEIVED\",\"at\":\"2026-11-20T01:00:00Z\",\"actor\":\"reporter\"},"
                + "{\"kind\":\"NOTE\",\"at\":\"2026-11-20T01:02:00Z\",\"actor\":\"dispatcher\",\"detail\":\"회신함\"}]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/audit/record-reads", r -> Answer.json(200,
                "{\"reads\":[],\"truncated\":false}"));
        GatewayStandIn.answer("GET", "/api/land/v1/audit/record-reads", r -> Answer.problem(503, "{\"status\":503}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/audit/record-reads", r -> Answer.json(200, "{\"reads\":[{"
                + "\"record\":\"PASSPORT_PHOTO\",\"recordId\":\"" + APPLICATION + "\",\"readAt\":\"2026-12-04T02:30:00Z\","
                + "\"official\":\"passport-officer\",\"role\":\"passport-officer\",\"action\":\"READ_PHOTO\","
                + "\"reason\":\"본인 대조\"}],\"truncated\":true}"));
        String held = "{\"relayId\":\"" + HELD + "\",\"receivedAt\":\"2026-12-05T01:00:00Z\",\"state\":\"FAILED\","
                + "\"attempts\":2,\"refusal\":{\"status\":400,\"detail\":\"Some fields are invalid: description\","
                + "\"detailKo\":\"입력값을 확인해 주세요: description\",\"fields\":[\"description\"]},\"bodyBytes\":180,"
                + "\"steps\":[{\"step\":\"READ_CONTENT\",\"official\":\"supervisor\",\"note\":\"확인\","
                + "\"takenAt\":\"2026-12-05T01:10:00Z\"}]}";
        GatewayStandIn.answer("GET", "/api/relay/v1/held-reports", r -> Answer.json(200, "{\"reports\":[" + held
                + "],\"truncated\":true}"));
        GatewayStandIn.answer("GET", "/api/relay/v1/held-reports/" + HELD, r -> Answer.json(200, held));
        GatewayStandIn.answer("GET", "/api/relay/v1/held-reports/" + HELD + "/content", r -> Answer.json(200,
                "{\"report\":\"{\\\"category\\\":\\\"FIRE\\\"}\",\"attachments\":[{\"name\":\"attachments\","
                + "\"filename\":\"fire.jpg\",\"contentType\":\"image/jpeg\",\"bytes\":20000}]}"));
        GatewayStandIn.answer("GET", "/api/status", r -> Answer.json(200, "{\"status\":\"DEGRADED\",\"checkedAt\":\"2026-11-20T01:00:00Z\","
                + "\"services\":[{\"name\":\"passport\",\"status\":\"UP\",\"circuit\":\"CLOSED\",\"replicas\":[{\"replica\":\"passport-1\","
                + "\"status\":\"UP\"}],\"replicasReady\":1,\"replicasTotal\":1,\"inFlight\":0,\"inFlightLimit\":50,\"waitingRoomQueue\":0},"
                + "{\"name\":\"citizen-web\",\"status\":\"BROKEN\",\"circuit\":\"NEW_STATE\",\"replicas\":[],\"replicasReady\":0,\"replicasTotal\":1}]}"));
    }

    private static PageSession official(String user, String lang) {
        PageSession session = new PageSession(Tokens.of(user));
        session.cookies().put("lang", lang);
        return session;
    }
}

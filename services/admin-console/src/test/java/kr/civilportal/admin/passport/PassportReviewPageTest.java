package kr.civilportal.admin.passport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The passport review page's photo (read with a reason, which passport logs) and the officer's identity decision
 * (담당자 본인 확인), against a scripted gateway: what the console sends to passport and what the officer sees.
 */
@QuarkusTest
class PassportReviewPageTest {

    private static final String API = "/api/passport/v1/applications/";
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void application() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API + id, r -> Answer.json(200, application("NEEDS_OFFICER")));
    }

    private String application(String identityCheck) {
        return "{\"id\":\"" + id + "\",\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-11-20T01:00:00Z\",\"fee\":{\"totalKrw\":53000},\"identityCheck\":\""
                + identityCheck + "\",\"history\":[{\"to\":\"SUBMITTED\",\"at\":\"2026-11-20T01:00:00Z\"},"
                + "{\"from\":\"SUBMITTED\",\"to\":\"SUBMITTED\",\"at\":\"2026-11-20T01:01:00Z\",\"identityCheck\":\""
                + identityCheck + "\",\"reason\":\"주민등록에서 신청인을 찾을 수 없어 담당자 확인이 필요합니다\"}]}";
    }

    @Test
    void thePhotoIsReadOnlyWithAReasonWhichGoesToPassport() {
        GatewayStandIn.answer("GET", API + id + "/photo", r -> new Answer(200, Map.of("Content-Type", "image/jpeg"),
                "JFIF-stand-in"));
        PageSession officer = new PageSession(Tokens.of("passport-officer"));

        // The page alone reads no photo; the form asks for the reason first.
        officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("id=\"photoReason\"")).body(not(containsString("id=\"photo\"")));
        officer.get("/admin/passports/" + id + "?photoAsked=true&photoReason=").then().statusCode(400)
                .body(containsString("id=\"photoReason-error\""));
        assertEquals(List.of(), photoReads());

        String page = officer.get("/admin/passports/" + id + "?photoAsked=true&photoReason=본인 대조")
                .then().statusCode(200).body(containsString("id=\"photo-logged\"")).extract().asString();
        String src = page.replaceFirst("(?s).*<img id=\"photo\" src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertTrue(src.startsWith("/admin/passports/" + id + "/photo?reason="), src);
        assertEquals(List.of(), photoReads(), "showing the page is not yet the read: the image is");

        // As a browser fetches it: the address is already encoded.
        byte[] image = officer.request().urlEncodingEnabled(false).get(src).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "no-store").extract().asByteArray();
        assertEquals("JFIF-stand-in", new String(image, java.nio.charset.StandardCharsets.UTF_8));
        List<GatewayStandIn.Request> reads = photoReads();
        assertEquals(1, reads.size());
        assertEquals("reason=본인 대조", reads.get(0).query());
        assertTrue(reads.get(0).header("Authorization").startsWith("Bearer "), "with the officer's own token");

        // Without a reason the console does not ask passport at all.
        officer.request().get("/admin/passports/" + id + "/photo").then().statusCode(400);
        assertEquals(1, photoReads().size());
    }

    @Test
    void anOfficerSettlesTheIdentityCheckWithANote() {
        GatewayStandIn.answer("POST", API + id + "/identity-check", r -> Answer.json(200, application("CONFIRMED_BY_OFFICER")));
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        String page = officer.get("/admin/passports/" + id).then().statusCode(200)
                .body(containsString("id=\"outcome-CONFIRMED\"")).body(containsString("담당자 확인 필요"))
                .extract().asString();

        // Nothing chosen and no note: both said, nothing sent.
        officer.post("/admin/passports/" + id + "/identity-check", page, Map.of()).then().statusCode(400)
                .body(containsString("id=\"outcome-error\"")).body(containsString("id=\"note-error\""));
        assertEquals(List.of(), settlements());

        officer.post("/admin/passports/" + id + "/identity-check", page,
                Map.of("outcome", "CONFIRMED", "note", " 신분증 대조 확인 ")).then().statusCode(303)
                .header("Location", containsString("/admin/passports/" + id + "?settled=true"));
        List<GatewayStandIn.Request> sent = settlements();
        assertEquals(1, sent.size());
        assertEquals("{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조 확인\"}", sent.get(0).body());
        assertTrue(sent.get(0).header("Idempotency-Key") != null, "a resend of the form is done once");
    }

    @Test
    void aCheckAlreadySettledIsShownAsTheRefusal() {
        GatewayStandIn.answer("POST", API + id + "/identity-check", r -> Answer.problem(409,
                "{\"type\":\"urn:civilportal:problem:identity-check-settled\",\"status\":409,"
                        + "\"detail\":\"The identity check is already settled (VERIFIED).\","
                        + "\"detailKo\":\"본인 확인이 이미 완료되었습니다 (VERIFIED).\"}"));
        PageSession officer = new PageSession(Tokens.of("passport-officer"));
        String page = officer.get("/admin/passports/" + id).asString();
        officer.post("/admin/passports/" + id + "/identity-check", page,
                Map.of("outcome", "REFUTED", "note", "신분증 불일치")).then().statusCode(409)
                .body(containsString("본인 확인이 이미 완료되었습니다"));
    }

    @Test
    void aSettledCheckOffersNoDecision() {
        GatewayStandIn.answer("GET", API + id, r -> Answer.json(200, application("VERIFIED")));
        new PageSession(Tokens.of("passport-officer")).get("/admin/passports/" + id).then().statusCode(200)
                .body(not(containsString("id=\"outcome-CONFIRMED\"")));
    }

    private static List<GatewayStandIn.Request> photoReads() {
        return GatewayStandIn.received().stream().filter(r -> r.path().endsWith("/photo")).toList();
    }

    private static List<GatewayStandIn.Request> settlements() {
        return GatewayStandIn.received().stream().filter(r -> r.path().endsWith("/identity-check")).toList();
    }
}

package kr.civilportal.citizen.movein;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The move-in form's new address, chosen from residency's road-name address register (도로명주소): "주소 검색" brings
 * the form back as typed with the matches to choose from; the report sends the chosen row's address and the detail.
 */
@QuarkusTest
class MoveInAddressSearchPageTest {

    private static final String MOVE_INS = "/api/residency/v1/move-ins";
    private static final String ADDRESSES = "/api/residency/v1/addresses";
    private static final String ME = "/api/residency/v1/me";
    private static final String SPOUSE = "5e0b7a52-1c1d-4c9e-9f00-000000000003";
    private static final String CHILD = "5e0b7a52-1c1d-4c9e-9f00-000000000004";
    private static final String SANGAM = "서울특별시 마포구 월드컵북로 396";
    /** Two rows for "월드컵북로", as residency's search answers them. */
    private static final String WORLD_CUP_BUK_RO = """
            [{"roadNameAddress":"서울특별시 마포구 월드컵북로 396","legalDong":"상암동","buildingName":"누리꿈스퀘어",
              "postalCode":"03925","administrativeDong":"상암동","managementNumber":"1144012700100396000000001"},
             {"roadNameAddress":"서울특별시 마포구 월드컵북로 400","legalDong":"상암동","buildingName":null,
              "postalCode":"03925","administrativeDong":"상암동","managementNumber":"1144012700100400000000001"}]""";

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void theSearchShowsTheMatchesToChooseFromWithEveryTypedFieldKept() {
        GatewayStandIn.answer("GET", ME, r -> Answer.json(200, MoveInMoversPageTest.record(SPOUSE)));
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.json(200, WORLD_CUP_BUK_RO));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").then().statusCode(200)
                .body(containsString("<label for=\"addressQuery\">주소 검색어</label>"))
                .body(containsString("id=\"address-search\" name=\"action\" value=\"search-address\""))
                .body(not(containsString("name=\"roadAddress\"")))
                .extract().asString();
        String key = PageSession.hiddenFields(form).get("idempotencyKey");

        Map<String, String> typed = new HashMap<>(Map.of("action", "search-address", "mode", "NEW_HOUSEHOLD",
                "movedInOn", "2026-11-20", "addressQuery", "월드컵북로", "addressDetail", "1502호", "movers", CHILD));
        String page = citizen.post("/my/move-in", form, typed).then().statusCode(200)
                .body(containsString("<legend>찾은 주소</legend>"))
                .body(containsString("<input type=\"radio\" name=\"roadAddress\" id=\"road-address-0\" value=\"" + SANGAM + "\">"))
                .body(containsString("<label for=\"road-address-0\">" + SANGAM + " (상암동) 누리꿈스퀘어 [03925] · 행정동 상암동</label>"))
                .body(containsString("<label for=\"road-address-1\">서울특별시 마포구 월드컵북로 400 (상암동) [03925] · 행정동 상암동</label>"))
                // Every field as typed: the mode, the date, the query, the detail, the member ticked, the same key.
                .body(containsString("value=\"NEW_HOUSEHOLD\" checked"))
                .body(containsString("id=\"movedInOn\" name=\"movedInOn\" value=\"2026-11-20\""))
                .body(containsString("id=\"addressQuery\" name=\"addressQuery\" value=\"월드컵북로\""))
                .body(containsString("id=\"addressDetail\" name=\"addressDetail\" value=\"1502호\""))
                .body(containsString("id=\"mover-" + CHILD + "\" value=\"" + CHILD + "\" checked"))
                .body(containsString("value=\"" + key + "\""))
                .body(not(containsString("id=\"error-summary\"")))
                .extract().asString();

        GatewayStandIn.Request search = GatewayStandIn.received().stream().filter(r -> r.path().equals(ADDRESSES))
                .findFirst().orElseThrow();
        assertEquals("q=월드컵북로", search.query());
        assertTrue(search.header("Authorization").startsWith("Bearer "), "asked with the citizen's token");
        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(MOVE_INS)).count(),
                "a search files nothing");
        assertEquals(key, PageSession.hiddenFields(page).get("idempotencyKey"), "the form keeps its key");
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.json(200, "[]"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").asString();
        citizen.post("/my/move-in", form, Map.of("action", "search-address", "mode", "NEW_HOUSEHOLD",
                        "addressQuery", "없는로 999")).then().statusCode(200)
                .body(containsString("<span id=\"address-no-result\">검색 결과가 없습니다."))
                .body(not(containsString("name=\"roadAddress\"")))
                .body(containsString("value=\"없는로 999\""));
    }

    @Test
    void anEmptyQueryAsksNothingAndResidencysRefusalOfAQueryShowsByTheSearchBox() {
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.problem(400, """
                {"type":"urn:civilportal:problem:validation-failed","status":400,
                 "errors":[{"field":"q","detail":"Between 2 and 100 characters","detailKo":"검색어는 2자 이상 100자 이하로 입력하세요"}]}"""));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").asString();

        citizen.post("/my/move-in", form, Map.of("action", "search-address", "mode", "NEW_HOUSEHOLD",
                        "addressQuery", " ")).then().statusCode(400)
                .body(containsString("<p class=\"form-hint-invalid\" id=\"addressQuery-error\">주소 검색어를 입력하세요.</p>"))
                .body(containsString("<a href=\"#addressQuery\">"));
        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(ADDRESSES)).count());

        citizen.post("/my/move-in", form, Map.of("action", "search-address", "mode", "NEW_HOUSEHOLD",
                        "addressQuery", "세")).then().statusCode(400)
                .body(containsString("<p class=\"form-hint-invalid\" id=\"addressQuery-error\">검색어는 2자 이상 100자 이하로 입력하세요</p>"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"세\""));
    }

    @Test
    void theChosenAddressIsSentWithTheDetailAfterAComma() {
        GatewayStandIn.answer("POST", MOVE_INS, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").asString();

        citizen.post("/my/move-in", form, Map.of("mode", "NEW_HOUSEHOLD", "movedInOn", "2026-11-20",
                "addressQuery", "월드컵북로", "roadAddress", SANGAM, "addressDetail", " 1502호 ")).then().statusCode(303)
                .header("Location", containsString("/my?filed=move-in"));
        citizen.post("/my/move-in", citizen.get("/my/move-in").asString(), Map.of("mode", "NEW_HOUSEHOLD",
                "movedInOn", "2026-11-20", "roadAddress", SANGAM, "addressDetail", "")).then().statusCode(303);

        List<String> sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(MOVE_INS))
                .map(GatewayStandIn.Request::body).toList();
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).contains("\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\""), sent.get(0));
        assertTrue(sent.get(1).contains("\"address\":\"서울특별시 마포구 월드컵북로 396\""), "no detail, no comma: " + sent.get(1));
        assertTrue(!sent.get(0).contains("addressQuery") && !sent.get(0).contains("roadAddress"), sent.get(0));
    }

    @Test
    void noAddressChosenIsTheFormsErrorByTheChoicesAndNothingIsSent() {
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.json(200, WORLD_CUP_BUK_RO));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").asString();

        citizen.post("/my/move-in", form, Map.of("mode", "NEW_HOUSEHOLD", "movedInOn", "2026-11-20",
                        "addressQuery", "월드컵북로", "addressDetail", "1502호")).then().statusCode(400)
                .body(containsString("<p class=\"form-hint-invalid\" id=\"roadAddress-error\">주소를 검색해 새 주소를 고르세요.</p>"))
                .body(containsString("<a href=\"#roadAddress\">주소를 검색해 새 주소를 고르세요.</a>"))
                // The matches are there again to choose from, none chosen, the detail kept.
                .body(containsString("id=\"road-address-0\" value=\"" + SANGAM + "\">"))
                .body(containsString("value=\"1502호\""));
        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(MOVE_INS)).count());
    }

    @Test
    void aFormWithAnotherMistakeComesBackWithTheChoiceStillChosen() {
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.json(200, WORLD_CUP_BUK_RO));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in").asString();

        citizen.post("/my/move-in", form, Map.of("mode", "NEW_HOUSEHOLD", "addressQuery", "월드컵북로",
                        "roadAddress", "서울특별시 마포구 월드컵북로 400", "addressDetail", "2층")).then().statusCode(400)
                .body(containsString("id=\"movedInOn-error\""))
                .body(containsString("id=\"road-address-1\" value=\"서울특별시 마포구 월드컵북로 400\" checked"))
                .body(containsString("id=\"road-address-0\" value=\"" + SANGAM + "\">"));
        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(MOVE_INS)).count());
    }

    /**
     * After a login that ran out (issue 21) the form is a plain GET: no search, so no match listed. The group of
     * matches is where form-keep.js puts the kept choice back (its value and text), with a hint that then asks to
     * choose; the head's number is never kept. The form as it is then sent, the choice without a new search, files
     * that address.
     */
    @Test
    void afterALoginThatRanOutTheKeptChoiceHasItsPlaceAndIsSentWithoutSearchingAgain() {
        GatewayStandIn.answer("POST", MOVE_INS, r -> Answer.json(201, "{\"id\":\"8b1b3c3e-4f7e-4a53-9a48-3a4c1c3b2d11\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/move-in?resend=true").then().statusCode(200)
                .body(containsString("id=\"resend\""))
                .body(containsString("<fieldset class=\"form-group\" id=\"roadAddress\" tabindex=\"-1\" data-keep-choices=\"roadAddress\""))
                .body(containsString("<p class=\"form-hint\" id=\"roadAddress-help\" data-restored=\"새 주소를 고르세요.\">"
                        + "검색어를 입력하고 &#39;주소 검색&#39;을 누르면 주소가 여기에 나옵니다.</p>"))
                .body(not(containsString("name=\"roadAddress\"")))
                .body(containsString("name=\"headNumber\" value=\"\" autocomplete=\"off\" inputmode=\"numeric\" data-no-keep"))
                .extract().asString();

        citizen.post("/my/move-in", form, Map.of("mode", "NEW_HOUSEHOLD", "movedInOn", "2026-11-20",
                        "addressQuery", "월드컵북로", "roadAddress", SANGAM, "addressDetail", "1502호"))
                .then().statusCode(303).header("Location", containsString("/my?filed=move-in"));

        assertEquals(0, GatewayStandIn.received().stream().filter(r -> r.path().equals(ADDRESSES)).count(),
                "no new search was needed");
        List<String> sent = GatewayStandIn.received().stream().filter(r -> r.path().equals(MOVE_INS))
                .map(GatewayStandIn.Request::body).toList();
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).contains("\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\""), sent.get(0));
    }

    @Test
    void theSearchSpeaksEnglishWhenAsked() {
        GatewayStandIn.answer("GET", ADDRESSES, r -> Answer.json(200, WORLD_CUP_BUK_RO));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        String form = citizen.get("/my/move-in").asString();
        citizen.post("/my/move-in", form, Map.of("action", "search-address", "mode", "NEW_HOUSEHOLD",
                        "addressQuery", "월드컵북로")).then().statusCode(200)
                .body(containsString("<legend>Addresses found</legend>"))
                .body(containsString(">Search addresses</button>"))
                .body(containsString("· administrative dong 상암동</label>"));
    }
}

package kr.civilportal.citizen.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 알림 설정: the stored choices shown as the service returns them (the number masked, as a hint, never in the
 * input); saving sends all of them (PUT) and comes back saying so, the number left out to keep it, {@code ""} to
 * remove it; the service's refusal of the address or the number is said next to it with what was typed kept; what
 * the page can tell itself is said without asking the service; the service silent, its panel.
 */
@QuarkusTest
class NotificationSettingsPageTest {

    static final String PREFERENCES = "/api/notification/v1/me/preferences";

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", PREFERENCES, r -> Answer.json(200,
                "{\"language\":\"en\",\"email\":\"Hong.GilDong@Example.kr\",\"emailEnabled\":true,"
                        + "\"phone\":\"010-****-5678\",\"smsEnabled\":true,\"kakaoEnabled\":false,\"quietHours\":true}"));
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> Answer.json(200, "{\"unread\":0}"));
    }

    private static List<GatewayStandIn.Request> puts() {
        return GatewayStandIn.received().stream().filter(r -> r.method().equals("PUT")).toList();
    }

    @Test
    void theStoredChoicesAreShownAsTheServiceReturnsThem() {
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications/settings").then().statusCode(200)
                .body(containsString("id=\"notification-settings\"")).extract().asString();
        assertTrue(page.contains("id=\"language-en\" value=\"en\" checked"), page);
        assertTrue(page.contains("id=\"email\" name=\"email\" value=\"Hong.GilDong@Example.kr\""), page);
        assertTrue(page.contains("id=\"emailEnabled\" value=\"true\" aria-describedby=\"emailEnabled-help\" checked"), page);
        assertTrue(page.contains("data-keep"), "kept across an expired login as the other forms");
        assertTrue(page.contains("id=\"phone\" name=\"phone\" value=\"\""), "the masked number is not the input's: " + page);
        assertTrue(page.contains("id=\"phone-current\">등록된 번호: 010-****-5678."), page);
        assertTrue(page.contains("aria-describedby=\"phone-help phone-current\""), page);
        assertTrue(page.contains("type=\"tel\"") && page.contains("autocomplete=\"tel\" inputmode=\"numeric\""), page);
        assertTrue(page.contains("id=\"phone-remove\" value=\"true\" aria-describedby=\"phone-remove-help\">"), page);
        assertTrue(page.contains("id=\"smsEnabled\" value=\"true\" aria-describedby=\"smsEnabled-help\" checked"), page);
        assertTrue(page.contains("id=\"kakaoEnabled\" value=\"true\" aria-describedby=\"kakaoEnabled-help\">"), page);
        assertTrue(page.contains("id=\"quietHours\" value=\"true\" aria-describedby=\"quietHours-help\" checked"), page);
    }

    @Test
    void noNumberIsSaidAndNothingToRemove() {
        GatewayStandIn.answer("GET", PREFERENCES, r -> Answer.json(200,
                "{\"language\":\"ko\",\"email\":null,\"emailEnabled\":false,\"phone\":null,\"smsEnabled\":false,"
                        + "\"kakaoEnabled\":false,\"quietHours\":false}"));
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications/settings").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"phone-current\">등록된 번호가 없습니다."), page);
        assertTrue(!page.contains("id=\"phone-remove\""), page);
        assertTrue(page.contains("id=\"quietHours\" value=\"true\" aria-describedby=\"quietHours-help\">"), page);
    }

    @Test
    void quietHoursAreOnWhenTheServiceDoesNotSay() {
        GatewayStandIn.answer("GET", PREFERENCES, r -> Answer.json(200,
                "{\"language\":\"ko\",\"email\":null,\"emailEnabled\":false}"));
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications/settings").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"quietHours\" value=\"true\" aria-describedby=\"quietHours-help\" checked"), page);
    }

    @Test
    void aNewNumberIsSentAsTyped() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.json(200, r.body()));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "", "phone", " 010-9876-5432 ",
                "smsEnabled", "true", "kakaoEnabled", "true")).then().statusCode(303);
        String body = puts().get(0).body();
        assertTrue(body.contains("\"phone\":\"010-9876-5432\"") && body.contains("\"smsEnabled\":true")
                && body.contains("\"kakaoEnabled\":true") && body.contains("\"quietHours\":false"), body);
    }

    @Test
    void anEmptyNumberLeavesItOutSoTheStoredOneIsKept() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.json(200, r.body()));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        citizen.post("/my/notifications/settings", page, Map.of("language", "en", "email", "", "phone", "",
                "smsEnabled", "true", "quietHours", "true")).then().statusCode(303);
        String body = puts().get(0).body();
        assertTrue(!body.contains("\"phone\"") && !body.contains("****"), "no number, never the masked one: " + body);
        assertTrue(body.contains("\"smsEnabled\":true") && body.contains("\"kakaoEnabled\":false")
                && body.contains("\"quietHours\":true"), body);
    }

    @Test
    void removingTheNumberSendsItEmpty() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.json(200, r.body()));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "", "phoneRemove", "true"))
                .then().statusCode(303);
        String body = puts().get(0).body();
        assertTrue(body.contains("\"phone\":\"\"") && body.contains("\"smsEnabled\":false"), body);
    }

    @Test
    void textMessagesWithNoNumberLeftAreSaidByTheNumber() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        String again = citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "",
                "phoneRemove", "true", "kakaoEnabled", "true")).then().statusCode(400)
                .body(containsString("href=\"#phone\"")).extract().asString();
        assertTrue(again.contains("id=\"phone-error\">문자나 알림톡으로 받으려면 휴대전화 번호를 입력하세요."), again);
        assertTrue(again.contains("aria-describedby=\"phone-help phone-current phone-error\" aria-invalid=\"true\""), again);
        assertTrue(again.contains("id=\"phone-remove\" value=\"true\" aria-describedby=\"phone-remove-help\" checked"),
                "as chosen: " + again);
        assertTrue(again.contains("등록된 번호: 010-****-5678."), "the stored number still shown: " + again);
        assertTrue(puts().isEmpty());
    }

    @Test
    void aNewNumberAndRemovingTheNumberIsSaid() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        String again = citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "",
                "phone", "01098765432", "phoneRemove", "true")).then().statusCode(400).extract().asString();
        assertTrue(again.contains("id=\"phone-error\">새 번호를 입력했다면"), again);
        assertTrue(again.contains("value=\"01098765432\""), "as typed: " + again);
        assertTrue(puts().isEmpty());
    }

    @Test
    void theServicesRefusalOfTheNumberIsSaidNextToItWithWhatWasTypedKept() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.problem(400, "{\"type\":\"urn:civilportal:problem:"
                + "validation\",\"status\":400,\"detail\":\"Some fields are invalid: phone\",\"errors\":[{\"field\":"
                + "\"phone\",\"detail\":\"must be a Korean mobile number\"}]}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        String page = citizen.get("/my/notifications/settings").asString();
        String again = citizen.post("/my/notifications/settings", page, Map.of("language", "en", "email", "",
                "phone", "02-123-4567", "smsEnabled", "true")).then().statusCode(400)
                .body(containsString("href=\"#phone\"")).extract().asString();
        assertTrue(again.contains("id=\"phone-error\">This is not a valid mobile phone number."), again);
        assertTrue(again.contains("value=\"02-123-4567\""), "as typed: " + again);
        assertTrue(again.contains("aria-invalid=\"true\""), again);
        assertTrue(again.contains("id=\"smsEnabled\" value=\"true\" aria-describedby=\"smsEnabled-help\" checked"), again);
        assertTrue(again.contains("id=\"quietHours\" value=\"true\" aria-describedby=\"quietHours-help\">"),
                "unchecked as sent: " + again);
    }

    @Test
    void savingSendsAllTheChoicesAndSaysSo() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.json(200, r.body()));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", " hong@example.kr ",
                "emailEnabled", "true")).then().statusCode(303)
                .header("Location", endsWith("/my/notifications/settings?saved=true"));
        assertEquals(1, puts().size());
        String body = puts().get(0).body();
        assertTrue(body.contains("\"language\":\"ko\"") && body.contains("\"email\":\"hong@example.kr\"")
                && body.contains("\"emailEnabled\":true"), body);
        citizen.get("/my/notifications/settings?saved=true").then().statusCode(200)
                .body(containsString("id=\"settings-saved\""));
    }

    @Test
    void noAddressAndEmailOffSendsNone() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.json(200, r.body()));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        citizen.post("/my/notifications/settings", page, Map.of("language", "en", "email", "")).then().statusCode(303);
        String body = puts().get(0).body();
        assertTrue(body.contains("\"email\":null") && body.contains("\"emailEnabled\":false"), body);
    }

    @Test
    void theServicesRefusalOfTheAddressIsSaidNextToItWithWhatWasTypedKept() {
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.problem(400, "{\"type\":\"urn:civilportal:problem:"
                + "validation\",\"status\":400,\"detail\":\"Some fields are invalid: email\",\"errors\":[{\"field\":"
                + "\"email\",\"detail\":\"must be a well-formed email address\"}]}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        String again = citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "hong@@example",
                "emailEnabled", "true")).then().statusCode(400)
                .body(containsString("id=\"error-summary\"")).body(containsString("href=\"#email\""))
                .extract().asString();
        assertTrue(again.contains("<p class=\"form-hint-invalid\" id=\"email-error\">전자우편 주소 형식이 올바르지 않습니다."),
                again);
        assertTrue(again.contains("value=\"hong@@example\""), "as typed: " + again);
        assertTrue(again.contains("aria-invalid=\"true\""), again);
        assertTrue(again.contains("id=\"language-ko\" value=\"ko\" checked"), again);
    }

    @Test
    void whatThePageCanTellIsSaidWithoutAskingTheService() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        String again = citizen.post("/my/notifications/settings", page, Map.of("email", "",
                "emailEnabled", "true")).then().statusCode(400).extract().asString();
        assertTrue(again.contains("id=\"language-error\""), again);
        assertTrue(again.contains("id=\"email-error\">전자우편으로 받으려면"), again);
        assertTrue(puts().isEmpty());
    }

    @Test
    void aSilentServiceIsItsPanel() {
        GatewayStandIn.answer("GET", PREFERENCES, r -> Answer.problem(503, "{\"status\":503}"));
        new PageSession(Tokens.of("citizen")).get("/my/notifications/settings").then().statusCode(503)
                .body(containsString("id=\"unavailable\"")).body(not(containsString("id=\"notification-settings\"")));
    }

    @Test
    void silentWhileSavingTheFormComesBackAsTypedWithThePanel() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications/settings").asString();
        GatewayStandIn.answer("PUT", PREFERENCES, r -> Answer.problem(503, "{\"status\":503}"));
        citizen.post("/my/notifications/settings", page, Map.of("language", "ko", "email", "a@example.kr"))
                .then().statusCode(503).body(containsString("id=\"unavailable\""))
                .body(containsString("value=\"a@example.kr\""));
    }
}

package kr.civilportal.citizen.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.web.page.PageContext;
import org.junit.jupiter.api.Test;

/** Keycloak's login page is asked for in the language the citizen chose on the portal (ui_locales). */
@QuarkusTest
class LoginLanguageTest {

    @Test
    void aCitizenWhoSwitchedToEnglishIsSentToAnEnglishLoginPage() {
        given().redirects().follow(false).cookie(PageContext.LANGUAGE_COOKIE, "en")
                .when().get("/my")
                .then().statusCode(302)
                .header("Location", allOf(containsString("/protocol/openid-connect/auth"), containsString("ui_locales=en")));
    }

    @Test
    void withoutAChoiceTheLoginPageIsKoreanAndAnUnknownLanguageIsIgnored() {
        given().redirects().follow(false)
                .when().get("/my")
                .then().statusCode(302)
                .header("Location", containsString("ui_locales=ko"));
        given().redirects().follow(false).cookie(PageContext.LANGUAGE_COOKIE, "fr\"><script>")
                .when().get("/my")
                .then().statusCode(302)
                .header("Location", allOf(containsString("ui_locales=ko"), not(containsString("script"))));
    }
}

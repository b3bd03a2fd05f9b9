package kr.civilportal.citizen.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.web.page.PageContext;
import org.junit.jupiter.api.Test;

/** The language switch is a public link: whatever it is given, it answers with a redirect on this site. */
@QuarkusTest
class LanguageSwitchTest {

    @Test
    void englishIsRememberedAndTheCitizenGoesBack() {
        given().redirects().follow(false)
                .when().get("/lang?to=en&back=/verify")
                .then().statusCode(303)
                .header("Location", endsWith("/verify"))
                .cookie(PageContext.LANGUAGE_COOKIE, "en");
    }

    @Test
    void aLinkWithoutALanguageFallsBackToKoreanInsteadOfFailing() {
        given().redirects().follow(false)
                .when().get("/lang")
                .then().statusCode(303)
                .cookie(PageContext.LANGUAGE_COOKIE, "ko");
    }

    @Test
    void anotherSiteIsNeverTheWayBack() {
        given().redirects().follow(false)
                .when().get("/lang?to=en&back=//elsewhere.example/")
                .then().statusCode(303)
                .header("Location", endsWith("/"))
                .header("Location", org.hamcrest.Matchers.not(containsString("elsewhere")));
    }

    /** Found by an outside test: these answered 500 (the URI could not be built), the second one is a redirect trick. */
    @Test
    void aMangledWayBackGoesHomeInsteadOfFailing() {
        for (String back : new String[] {"%2F%20x", "%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Bx"}) {
            given().redirects().follow(false).urlEncodingEnabled(false)
                    .when().get("/lang?to=en&back=" + back)
                    .then().statusCode(303)
                    .header("Location", endsWith("/"))
                    .header("Location", org.hamcrest.Matchers.not(containsString("evil")))
                    .cookie(PageContext.LANGUAGE_COOKIE, "en");
        }
    }
}

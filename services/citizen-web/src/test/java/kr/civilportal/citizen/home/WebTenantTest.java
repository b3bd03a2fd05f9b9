package kr.civilportal.citizen.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages log in with a redirect to Keycloak's login page (client portal-web, PKCE); public pages need none. */
@QuarkusTest
class WebTenantTest {

    @Test
    void aCitizenPageSendsTheBrowserToKeycloaksLoginPage() {
        given().redirects().follow(false)
                .when().get("/my")
                .then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=portal-web"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void publicPagesNeedNoLoginAndSpeakKoreanFirst() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"ko\">"))
                .body(containsString("/krds/css/component/component.css"));
        given().when().get("/report-119").then().statusCode(200).body(containsString("119"));
        given().when().get("/verify").then().statusCode(200);
        given().cookie("lang", "en").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theKrdsStylesAreServedFromTheJarNotACdn() {
        given().when().get("/krds/css/component/component.css").then().statusCode(200)
                .body(containsString(".krds-btn"));
        given().when().get("/").then().body(not(containsString("cdn")));
    }

    @Test
    void theLanguageSwitchReturnsOnlyToAPathOfThisSite() {
        given().redirects().follow(false).when().get("/lang?to=en&back=/verify")
                .then().statusCode(303).header("Location", endsWith("/verify"))
                .cookie("lang", "en");
        given().redirects().follow(false).when().get("/lang?to=en&back=//evil.example")
                .then().statusCode(303).header("Location", endsWith("/"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        given().contentType("application/x-www-form-urlencoded").formParam("description", "연기")
                .when().post("/report-119")
                .then().statusCode(400);
    }
}

package kr.civilportal.residency.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kr.civilportal.residency.demo.DemoResidents;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The service-to-service identity check: only the passport service's account may ask, and it learns little. */
@QuarkusTest
class IdentityCheckResourceTest {

    private static final String PATH = "/api/residency/v1/identity/";
    /** The dev realm's secret of the passport-service client (infra/keycloak/portal-realm.dev-overlay.json). */
    private static final String SECRET = "passport-service-dev-secret";

    private static String service() {
        return Tokens.ofClient("passport-service", SECRET);
    }

    @Test
    void thePassportServiceLearnsThatTheResidentIsRegisteredAndTheirBirthDateOnly() {
        String purpose = "passport-application:" + UUID.randomUUID();
        String body = given().auth().oauth2(service()).queryParam("purpose", purpose)
                .when().get(PATH + DemoResidents.CITIZEN)
                .then().statusCode(200)
                .body("residentId", equalTo(DemoResidents.CITIZEN.toString()))
                .body("registered", equalTo(true))
                .body("birthDate", equalTo("1990-03-15"))
                .extract().asString();
        assertFalse(body.contains("김지민"), "no name leaves for an identity check");
        assertFalse(body.contains("900315"), "no registration number leaves for an identity check");
        assertFalse(body.contains("세종대로"), "no address leaves for an identity check");
        // The resident sees which service checked them, and why.
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/residency/v1/me/access-log")
                .then().statusCode(200)
                .body("find { it.reason == '본인 확인: " + purpose + "' }.official", equalTo("passport-service"))
                .body("find { it.reason == '본인 확인: " + purpose + "' }.role", equalTo("identity-check"))
                .body("find { it.reason == '본인 확인: " + purpose + "' }.action", equalTo("IDENTITY_CHECK"));
    }

    @Test
    void anUnknownResidentIs404AndNothingIsLogged() {
        given().auth().oauth2(service()).queryParam("purpose", "passport-application:" + UUID.randomUUID())
                .when().get(PATH + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
    }

    /** The purpose is a code, never free text: it is what the resident reads in their access log. */
    @Test
    void aPurposeThatIsNoCodeIs400() {
        for (String purpose : new String[] {"curiosity", "passport-application:x",
                "passport-application:" + UUID.randomUUID() + " and more"}) {
            given().auth().oauth2(service()).queryParam("purpose", purpose)
                    .when().get(PATH + DemoResidents.CITIZEN)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("purpose"));
        }
    }

    @Test
    void badInputIs400() {
        given().auth().oauth2(service()).queryParam("purpose", "passport-application:" + UUID.randomUUID())
                .when().get(PATH + "not-a-uuid")
                .then().statusCode(400).body("errors.field", hasItem("residentId"));
        given().auth().oauth2(service())
                .when().get(PATH + DemoResidents.CITIZEN)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void citizensAndOfficersAreRefused() {
        for (String user : new String[] {"citizen", "residency-officer", "passport-officer", "admin"}) {
            given().auth().oauth2(Tokens.of(user)).queryParam("purpose", "curiosity")
                    .when().get(PATH + DemoResidents.CITIZEN)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:forbidden"));
        }
        given().queryParam("purpose", "p").when().get(PATH + DemoResidents.CITIZEN)
                .then().statusCode(401).contentType("application/problem+json");
    }
}

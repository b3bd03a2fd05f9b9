package kr.civilportal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Without a web session (expired cookie, Keycloak session over), the console's pages and its forms' POSTs
 * alike send the browser to Keycloak's login page rather than failing; what the browser does after the login
 * (back to the page; a form's address answering GET with "send it again") is LandOfficerBrowserTest's.
 */
@QuarkusTest
class AdminSessionExpiryTest {

    @Test
    void aPageWithoutASessionGoesToTheLoginPage() {
        given().redirects().follow(false)
                .when().get("/admin/land?asked=true&by=pnu&q=1111010100100150000")
                .then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
    }

    @Test
    void aFormSentWithoutASessionGoesToTheLoginPageToo() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("ownerName", "박소유").formParam("share", "1/1").formParam("changedOn", "2025-03-15")
                .formParam("cause", "SALE")
                .when().post("/admin/land/parcels/1111010100100150000/owners")
                .then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
    }
}

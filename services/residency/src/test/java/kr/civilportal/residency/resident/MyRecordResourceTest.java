package kr.civilportal.residency.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyRecordResourceTest {

    private static final String PATH = "/api/residency/v1/me";

    @Inject
    DataSource dataSource;

    @Test
    void aCitizenReadsTheirOwnRecordWithTheNumberMasked() {
        String body = given().auth().oauth2(Tokens.of("citizen"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("residentId", equalTo("5e0b7a52-1c1d-4c9e-9f00-000000000001"))
                .body("name", equalTo("김지민"))
                .body("residentRegistrationNumber", equalTo("900315-2******"))
                .body("birthDate", equalTo("1990-03-15"))
                .body("address", containsString("세종대로 209"))
                .body("household.members.relationToHead", contains("HEAD", "SPOUSE", "CHILD"))
                .body("household.members.residentRegistrationNumber",
                        containsInAnyOrder("900315-2******", "880702-1******", "150921-4******"))
                .extract().asString();
        assertFalse(body.contains("2123451"), "the back digits never leave the service");
    }

    @Test
    void anotherCitizenSeesOnlyTheirOwnRecord() {
        given().auth().oauth2(Tokens.of("citizen2"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("name", equalTo("이서연"))
                .body("household.members.name", containsInAnyOrder("이서연"))
                .body(not(containsString("김지민")));
    }

    @Test
    void withoutATokenTheAnswerIsAProblem401() {
        given().when().get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = Tokens.of("citizen");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get(PATH).then().statusCode(401);
    }

    @Test
    void anOfficialWithoutTheCitizenRoleIsForbidden() {
        given().auth().oauth2(Tokens.of("passport-officer"))
                .when().get(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:forbidden"));
    }

    @Test
    void theNumberIsStoredEncryptedNotInTheClear() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT rrn_key_id, rrn_ciphertext, rrn_lookup_hash, name FROM resident")) {
            int rows = 0;
            while (r.next()) {
                rows++;
                String cipherText = new String(r.getBytes("rrn_ciphertext"), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(cipherText.contains("900315"), "ciphertext must not contain the digits");
                assertFalse(cipherText.contains("2123451"));
                assertFalse(r.getString("rrn_key_id").isBlank());
            }
            assertFalse(rows == 0, "demo residents were seeded");
        }
    }
}

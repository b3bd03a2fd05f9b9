package kr.civilportal.notification.preference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.notification.TestCitizens;
import org.junit.jupiter.api.Test;

/** A citizen's choices round trip; the address is stored only encrypted. */
@QuarkusTest
@TestSecurity(user = "citizen", roles = "citizen")
@OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.PREFS))
class PreferenceResourceTest extends NotificationTestResources {

    private static final String PREFERENCES = "/api/notification/v1/me/preferences";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void roundTripWithTheAddressNotStoredInClear() throws Exception {
        given().contentType("application/json")
                .body("{\"language\":\"en\",\"email\":\"hong.gildong@citizens.test\",\"emailEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("en")).body("email", equalTo("hong.gildong@citizens.test"))
                .body("emailEnabled", equalTo(true));
        given().when().get(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("en")).body("email", equalTo("hong.gildong@citizens.test"))
                .body("emailEnabled", equalTo(true));

        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select email_sealed, language from preference where resident_id = ?")) {
            s.setObject(1, UUID.fromString(TestCitizens.PREFS));
            try (var r = s.executeQuery()) {
                r.next();
                byte[] sealed = r.getBytes(1);
                assertNotNull(sealed);
                String asText = new String(sealed, StandardCharsets.UTF_8);
                assertFalse(asText.contains("hong.gildong"), "the address is not in clear");
                assertFalse(asText.contains("citizens.test"), "not even its domain");
            }
        }
    }

    @Test
    void withoutAnAddressOnlyTheInboxIsUsed() {
        given().contentType("application/json").body("{\"language\":\"ko\",\"emailEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(200)
                .body("email", nullValue()).body("emailEnabled", equalTo(false));
    }

    @Test
    void badChoicesAreFieldErrorsAndChangeNothing() {
        given().contentType("application/json")
                .body("{\"language\":\"ko\",\"email\":\"kept@citizens.test\",\"emailEnabled\":false}")
                .when().put(PREFERENCES).then().statusCode(200);
        given().contentType("application/json")
                .body("{\"language\":\"fr\",\"email\":\"not an address\",\"emailEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("language")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("email")));
        given().when().get(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("ko")).body("email", equalTo("kept@citizens.test"));
    }

    @Test
    @TestSecurity(user = "citizen3", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = "33333333-3333-4333-8333-00000000ffff"))
    void aCitizenWhoChoseNothingGetsKoreanAndTheInboxOnly() {
        given().when().get(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("ko")).body("email", nullValue()).body("emailEnabled", equalTo(false));
    }

    @Test
    @TestSecurity(user = "citizen-phone", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.PREFS_PHONE))
    void aMobileNumberIsStoredSealedAndShownMasked() throws Exception {
        given().contentType("application/json")
                .body("{\"language\":\"ko\",\"phone\":\"010-2345-6789\",\"smsEnabled\":true,\"kakaoEnabled\":true,"
                        + "\"quietHours\":false}")
                .when().put(PREFERENCES).then().statusCode(200)
                .body("phone", equalTo("010-****-6789")).body("smsEnabled", equalTo(true))
                .body("kakaoEnabled", equalTo(true)).body("quietHours", equalTo(false));
        given().when().get(PREFERENCES).then().statusCode(200)
                .body("phone", equalTo("010-****-6789")).body("quietHours", equalTo(false));
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select phone_sealed from preference where resident_id = ?")) {
            s.setObject(1, UUID.fromString(TestCitizens.PREFS_PHONE));
            try (var r = s.executeQuery()) {
                r.next();
                String asText = new String(r.getBytes(1), StandardCharsets.ISO_8859_1);
                assertFalse(asText.contains("01023456789") || asText.contains("6789"), "the number is not in clear");
            }
        }

        // bad numbers: a field error, and nothing changes
        for (String bad : new String[] {"02-123-4567", "010-1234-567", "+82-10-1234-5678", "010 1234 5678", "0101234567890"}) {
            given().contentType("application/json")
                    .body("{\"language\":\"en\",\"phone\":\"" + bad + "\",\"smsEnabled\":true}")
                    .when().put(PREFERENCES).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("phone")));
        }
        given().when().get(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("ko")).body("phone", equalTo("010-****-6789"))
                .body("smsEnabled", equalTo(true)).body("quietHours", equalTo(false));

        // a client from before texts: only language and e-mail; texts off, quiet hours back on, the number kept
        // (it is only ever shown masked, so no client could send it back)
        given().contentType("application/json").body("{\"language\":\"ko\",\"emailEnabled\":false}")
                .when().put(PREFERENCES).then().statusCode(200)
                .body("phone", equalTo("010-****-6789")).body("smsEnabled", equalTo(false))
                .body("kakaoEnabled", equalTo(false)).body("quietHours", equalTo(true));
        // texts on again, the number still not sent: kept, and used
        given().contentType("application/json").body("{\"language\":\"ko\",\"smsEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(200)
                .body("phone", equalTo("010-****-6789")).body("smsEnabled", equalTo(true));

        // an empty number removes it; texts on without a number are off
        given().contentType("application/json")
                .body("{\"language\":\"ko\",\"phone\":\"\",\"smsEnabled\":true,\"kakaoEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(200).body("phone", nullValue())
                .body("smsEnabled", equalTo(false)).body("kakaoEnabled", equalTo(false));
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select phone_sealed from preference where resident_id = ?")) {
            s.setObject(1, UUID.fromString(TestCitizens.PREFS_PHONE));
            try (var r = s.executeQuery()) {
                r.next();
                assertNull(r.getBytes(1), "the removed number is gone from the database");
            }
        }
        // digits without hyphens
        given().contentType("application/json")
                .body("{\"language\":\"ko\",\"phone\":\"01698765432\",\"smsEnabled\":true}")
                .when().put(PREFERENCES).then().statusCode(200).body("phone", equalTo("016-****-5432"));
    }
}

package kr.civilportal.passport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import kr.civilportal.common.testing.ProblemResponsesContract;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The framework's own refusals (405, 406, 413, 415, bad JSON, unknown paths) on the application submission,
 * where JSON is held to 16 KB; and the photo, the one large body, held to 8 MB.
 */
@QuarkusTest
class ProblemResponsesTest extends ProblemResponsesContract {

    static final String APPLICATIONS = "/api/passport/v1/applications";
    /** quarkus.http.limits.max-body-size of this service. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    @Inject
    DataSource dataSource;

    @Override
    protected String jsonWritePath() {
        return APPLICATIONS;
    }

    @Override
    protected String validBody() {
        return "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}";
    }

    @Override
    protected RequestSpecification caller() {
        return given().auth().oauth2(Tokens.of("citizen"));
    }

    @Override
    protected long writes() {
        return Rows.count(dataSource, "SELECT count(*) FROM passport_application");
    }

    @Override
    protected String apiPrefix() {
        return "/api/passport/v1";
    }

    @Test
    void aPhotoOverTheBodyLimitIs413AndAPhotoUnderItButOverTheRuleAFieldError() {
        String id = caller().contentType("application/json").body(validBody()).when().post(APPLICATIONS)
                .then().statusCode(201).extract().path("id");
        String photo = APPLICATIONS + "/" + id + "/photo";
        caller().contentType("image/jpeg").body(new byte[MAX_BODY_BYTES + 1]).when().put(photo)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:content-too-large"));
        // A JPEG body is not held to the JSON limit: this one reaches the photo rules and breaks the 500 KB one.
        caller().contentType("image/jpeg").body(new byte[600 * 1024]).when().put(photo)
                .then().statusCode(400).body("errors[0].field", equalTo("photo"));
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM passport_photo WHERE application_id = ?::uuid", id));
    }

    @Override
    protected String textField() {
        return "kind";
    }
}

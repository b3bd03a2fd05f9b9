package kr.civilportal.emergency;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.testing.ProblemResponsesContract;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The framework's own refusals (405, 406, 413, 415, bad JSON, unknown paths) on a dispatcher's note, where JSON
 * is held to 64 KB; and the report itself, which takes a property it does not know rather than lose the report.
 */
@QuarkusTest
class ProblemResponsesTest extends ProblemResponsesContract {

    private static String report;

    @Inject
    DataSource dataSource;

    @Override
    protected String jsonWritePath() {
        if (report == null) {
            report = given().contentType(ContentType.JSON).body(Fixtures.uniqueReport()).when().post(REPORTS)
                    .then().statusCode(201).extract().path("reportId");
        }
        return REPORTS + "/" + report + "/notes";
    }

    @Override
    protected String validBody() {
        return "{\"text\":\"현장 도착 5분 예상\"}";
    }

    @Override
    protected RequestSpecification caller() {
        return given().auth().oauth2(Tokens.of("dispatcher"));
    }

    /** Notes only: the report the notes are for is made on first use, with an event of its own. */
    @Override
    protected long writes() {
        return Rows.count(dataSource, "SELECT count(*) FROM report_event WHERE kind = 'NOTE'");
    }

    @Override
    protected String apiPrefix() {
        return "/api/emergency/v1";
    }

    @Test
    void aReportWithAPropertyItDoesNotKnowIsStillTaken() {
        String description = "새 앱 버전의 신고 " + UUID.randomUUID();
        String body = Fixtures.report("FIRE", description, null).replaceFirst("\\{", "{\"batteryLevel\":12,");
        given().contentType(ContentType.JSON).body(body).when().post(REPORTS).then().statusCode(201)
                .body("status", equalTo("RECEIVED"));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM emergency_report WHERE description = ?", description));
    }

    @Override
    protected String textField() {
        return "text";
    }
}

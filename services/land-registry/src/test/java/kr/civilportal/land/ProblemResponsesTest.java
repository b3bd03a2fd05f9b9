package kr.civilportal.land;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import kr.civilportal.common.testing.ProblemResponsesContract;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;

/** The framework's own refusals (405, 406, 413, 415, bad JSON, unknown paths) on extract issuance. */
@QuarkusTest
class ProblemResponsesTest extends ProblemResponsesContract {

    @Inject
    DataSource dataSource;

    @Override
    protected String jsonWritePath() {
        return "/api/land/v1/extracts";
    }

    @Override
    protected String validBody() {
        return "{\"pnu\":\"1111010100100010000\"}";
    }

    @Override
    protected RequestSpecification caller() {
        return given().auth().oauth2(Tokens.of("citizen"));
    }

    @Override
    protected long writes() {
        return Rows.count(dataSource, "SELECT count(*) FROM land_extract");
    }

    @Override
    protected String apiPrefix() {
        return "/api/land/v1";
    }

    @Override
    protected String textField() {
        return "pnu";
    }
}

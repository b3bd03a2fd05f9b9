package kr.civilportal.residency;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import kr.civilportal.common.testing.ProblemResponsesContract;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;

/** The framework's own refusals (405, 406, 413, 415, bad JSON, unknown paths) on move-in filing. */
@QuarkusTest
class ProblemResponsesTest extends ProblemResponsesContract {

    @Inject
    DataSource dataSource;

    @Override
    protected String jsonWritePath() {
        return "/api/residency/v1/move-ins";
    }

    @Override
    protected String validBody() {
        return "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"서울특별시 마포구 월드컵북로 396\",\"movedInOn\":\"2026-01-02\"}";
    }

    @Override
    protected RequestSpecification caller() {
        return given().auth().oauth2(Tokens.of("citizen2"));
    }

    @Override
    protected long writes() {
        return Rows.count(dataSource, "SELECT count(*) FROM move_in_report");
    }

    @Override
    protected String apiPrefix() {
        return "/api/residency/v1";
    }

    @Override
    protected String textField() {
        return "address";
    }
}

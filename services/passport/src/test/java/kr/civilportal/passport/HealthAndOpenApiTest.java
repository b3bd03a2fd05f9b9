package kr.civilportal.passport;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.ServiceContractTest;

@QuarkusTest
class HealthAndOpenApiTest extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/passport/v1";
    }

    @Override
    protected String openApiTitle() {
        return "Passport service API (여권)";
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/passport/v1/applications", "/api/passport/v1/applications/mine", "/api/passport/v1/applications/{id}",
                "/api/passport/v1/applications/{id}/transitions", "/api/passport/v1/applications/{id}/resubmission",
                "/api/passport/v1/applications/{id}/photo", "/api/passport/v1/applications/{id}/appointment",
                "/api/passport/v1/pickup-slots");
    }
}

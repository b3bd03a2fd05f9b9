package kr.civilportal.residency;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.ServiceContractTest;

@QuarkusTest
class HealthAndOpenApiTest extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/residency/v1";
    }

    @Override
    protected String openApiTitle() {
        return "Residency service API (주민등록)";
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/residency/v1/me");
    }
}

package kr.civilportal.land;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.ServiceContractTest;

@QuarkusTest
class HealthAndOpenApiTest extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/land/v1";
    }

    @Override
    protected String openApiTitle() {
        return "Land-registry service API (토지대장)";
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/land/v1/parcels/{pnu}", "/api/land/v1/parcels", "/api/land/v1/parcels/{pnu}/owners",
                "/api/land/v1/pnu/{pnu}", "/api/land/v1/pnu", "/api/land/v1/extracts",
                "/api/land/v1/extracts/{issuanceNumber}", "/api/land/v1/extracts/{issuanceNumber}/pdf");
    }
}

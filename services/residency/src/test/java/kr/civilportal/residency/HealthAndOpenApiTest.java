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
        return List.of("/api/residency/v1/me", "/api/residency/v1/me/address-history",
                "/api/residency/v1/me/access-log", "/api/residency/v1/certificates",
                "/api/residency/v1/certificates/{issuanceNumber}/pdf", "/api/residency/v1/verifications/{issuanceNumber}",
                "/api/residency/v1/move-ins", "/api/residency/v1/move-ins/{id}", "/api/residency/v1/officer/move-ins",
                "/api/residency/v1/officer/move-ins/{id}/approval", "/api/residency/v1/officer/move-ins/{id}/rejection",
                "/api/residency/v1/officer/residents/{id}", "/api/residency/v1/officer/residents/search");
    }
}

package kr.civilportal.emergency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.PostgresResource;

/** Every @QuarkusTest here runs against a real PostgreSQL and a real Keycloak, started without Docker. */
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "emergency"))
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
public class EmergencyReportTestResources {
}

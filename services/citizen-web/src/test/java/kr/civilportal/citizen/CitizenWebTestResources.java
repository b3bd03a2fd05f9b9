package kr.civilportal.citizen;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.PostgresResource;
import kr.civilportal.web.testing.GatewayStandIn;

/**
 * A real Keycloak (logins, tokens), citizen-web's own PostgreSQL (passport drafts), and a stand-in for the
 * gateway's /api/** (each test says what the portal's API answers and reads what the pages sent).
 */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "citizenweb"))
@QuarkusTestResource(value = GatewayStandIn.class, parallel = true)
public class CitizenWebTestResources {
}

package kr.civilportal.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.gateway.admission.StoreLinkResource;
import kr.civilportal.gateway.relay.EmergencyStandInResource;
import kr.civilportal.gateway.routing.BackendsResource;
import kr.civilportal.gateway.routing.WebAppStandInResource;
import kr.civilportal.testsupport.KeycloakResource;

/**
 * A real Keycloak for tokens, real HTTP servers standing in for the services and citizen-web, the gateway's own
 * PostgreSQL (the shared admission store's connections to it pass a relay the tests can cut:
 * {@link StoreLinkResource}).
 */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = BackendsResource.class, parallel = true)
@QuarkusTestResource(value = EmergencyStandInResource.class, parallel = true)
@QuarkusTestResource(value = WebAppStandInResource.class, parallel = true)
@QuarkusTestResource(value = StoreLinkResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
public class GatewayTestResources {
}

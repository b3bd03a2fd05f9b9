package kr.civilportal.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import kr.civilportal.gateway.routing.BackendsResource;
import kr.civilportal.testsupport.KeycloakResource;

/** A real Keycloak for tokens, and real HTTP servers standing in for the services. */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = BackendsResource.class, parallel = true)
public class GatewayTestResources {
}

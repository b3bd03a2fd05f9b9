package kr.civilportal.admin;

import io.quarkus.test.common.QuarkusTestResource;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.web.testing.GatewayStandIn;

/** A real Keycloak (the console's logins, officials' tokens) and a stand-in for the gateway's /api/**. */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = GatewayStandIn.class, parallel = true)
public class AdminConsoleTestResources {
}

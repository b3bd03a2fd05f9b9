package kr.civilportal.admin;

import io.quarkus.test.common.QuarkusTestResource;
import kr.civilportal.testsupport.KeycloakResource;

/** A real Keycloak: the console's logins. */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
public class AdminConsoleTestResources {
}

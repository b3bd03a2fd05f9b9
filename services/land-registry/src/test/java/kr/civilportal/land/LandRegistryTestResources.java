package kr.civilportal.land;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.PostgresResource;
import kr.civilportal.testsupport.SigningAuthorityResource;

/**
 * Every @QuarkusTest here runs against a real PostgreSQL, a real Keycloak and the development signing authority (a
 * CA and an RFC 3161 time-stamp authority over HTTP), started without Docker.
 */
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "land"))
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = SigningAuthorityResource.class, parallel = true,
        initArgs = @ResourceArg(name = "service", value = "land-registry"))
public class LandRegistryTestResources {
}

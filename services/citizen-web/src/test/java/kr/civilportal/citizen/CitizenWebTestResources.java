package kr.civilportal.citizen;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.PostgresResource;

/** A real Keycloak (logins, tokens) and citizen-web's own PostgreSQL (passport drafts). */
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "citizenweb"))
public class CitizenWebTestResources {
}

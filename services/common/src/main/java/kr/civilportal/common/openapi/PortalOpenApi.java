package kr.civilportal.common.openapi;

import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.problem.ProblemOpenApi;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The one {@code mp.openapi.filter} of every service: what every document says the same way, each part kept by
 * the mechanism it documents (Idempotency-Key, then problem details, whose 400/409/422 it completes), and the
 * realm roles as the scopes of the sign-in scheme. The scheme's Keycloak address is
 * {@code portal.openapi.auth-server-url} (the address apps use; default the service's own OIDC server).
 */
public class PortalOpenApi implements OASFilter {

    private final IdempotencyOpenApi idempotency = new IdempotencyOpenApi();
    private final ProblemOpenApi problems = new ProblemOpenApi();
    private final RoleScopes roleScopes;

    public PortalOpenApi() {
        Config config = ConfigProvider.getConfig();
        String authServerUrl = config.getOptionalValue("portal.openapi.auth-server-url", String.class)
                .or(() -> config.getOptionalValue("quarkus.oidc.auth-server-url", String.class))
                .orElse("");
        String scheme = config.getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class)
                .orElse("SecurityScheme");
        roleScopes = new RoleScopes(scheme, authServerUrl);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        return problems.filterOperation(idempotency.filterOperation(operation));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        roleScopes.declare(openAPI);
    }
}

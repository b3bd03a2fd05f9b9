package kr.civilportal.common.openapi;

import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.problem.ProblemOpenApi;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.Map;

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
        jsonFirst(operation.getRequestBody());
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(PortalOpenApi::filesAreBinary);
        }
        return problems.filterOperation(idempotency.filterOperation(operation));
    }

    /**
     * An answer that is a file (a certificate's PDF, a report's photo) says so: a string of bytes, which generated
     * clients hand over as a file, rather than no schema, for which they return nothing.
     */
    private static void filesAreBinary(APIResponse answer) {
        if (answer.getContent() == null || answer.getContent().getMediaTypes() == null) {
            return;
        }
        answer.getContent().getMediaTypes().forEach((type, media) -> {
            boolean structured = type.endsWith("json") || type.startsWith("text/");
            if (!structured && media != null && media.getSchema() == null) {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
            }
        });
    }

    /**
     * Where an operation takes JSON and another type (119: a report as JSON, or as multipart with its files), JSON
     * is listed first: client generators build one method per operation from the first type, and the JSON body is
     * the one they all get right (OpenAPI Generator sends a multipart part holding an object as its toString()).
     */
    private static void jsonFirst(RequestBody body) {
        Content content = body == null ? null : body.getContent();
        Map<String, MediaType> types = content == null ? null : content.getMediaTypes();
        String json = jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
        if (types == null || !types.containsKey(json) || types.keySet().iterator().next().equals(json)) {
            return;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put(json, types.get(json));
        ordered.putAll(types);
        content.setMediaTypes(ordered);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        roleScopes.declare(openAPI);
    }
}

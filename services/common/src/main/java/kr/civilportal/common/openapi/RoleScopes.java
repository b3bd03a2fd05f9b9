package kr.civilportal.common.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the realm roles that operations require as the scopes of the document's security scheme, which is
 * Keycloak's authorization-code flow. SmallRye lists an operation's {@code @RolesAllowed} under its security
 * requirement; a bearer scheme has no scopes to list them in, so tools took the roles for undeclared scopes. The
 * roles are realm roles carried in the token's {@code realm_access.roles}: an app signs in and gets them, it does
 * not request them.
 */
final class RoleScopes {

    private final String schemeName;
    private final String authServerUrl;

    RoleScopes(String schemeName, String authServerUrl) {
        this.schemeName = schemeName;
        this.authServerUrl = authServerUrl;
    }

    void declare(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey(schemeName)) {
            return;
        }
        Map<String, String> scopes = new TreeMap<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                item.getOperations().values().forEach(operation -> {
                    List<SecurityRequirement> security = operation.getSecurity();
                    if (security != null) {
                        security.stream().map(r -> r.getScheme(schemeName)).filter(roles -> roles != null)
                                .flatMap(List::stream)
                                .forEach(role -> scopes.put(role, "Realm role " + role
                                        + " (in the token's realm_access.roles; granted, not requested)"));
                    }
                });
            }
        }
        String protocol = authServerUrl + "/protocol/openid-connect";
        SecurityScheme scheme = OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak (realm portal): authorization code with PKCE S256 for apps (client "
                        + "portal-mobile); send the access token as Authorization: Bearer. Each service accepts "
                        + "only tokens whose aud names it.")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(protocol + "/auth").tokenUrl(protocol + "/token")
                        .refreshUrl(protocol + "/token").scopes(scopes)));
        openAPI.getComponents().addSecurityScheme(schemeName, scheme);
    }
}

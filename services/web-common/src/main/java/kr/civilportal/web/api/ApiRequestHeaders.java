package kr.civilportal.web.api;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import kr.civilportal.web.waiting.AdmissionPass;

/**
 * What every call of the pages to the portal's API carries, as any app's call would, set in one place for all
 * REST clients: the signed-in user's own access token (the services decide on roles), the citizen's address as
 * {@code X-Forwarded-For} (the gateway trusts it from the web apps only, for its per-address limits such as
 * certificate verification's), and the citizen's waiting-room ticket for the call's route, if any.
 */
@Provider
public class ApiRequestHeaders implements ClientRequestFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public void filter(ClientRequestContext request) {
        if (!Arc.container().requestContext().isActive()) {
            return; // a call made outside a page's request (none today): nothing to pass on
        }
        try (InstanceHandle<SecurityIdentity> identity = Arc.container().instance(SecurityIdentity.class)) {
            AccessTokenCredential token = identity.get().getCredential(AccessTokenCredential.class);
            if (token != null && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
            }
        }
        try (InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext page = current.get().getCurrent();
            if (page != null && page.request().remoteAddress() != null) {
                request.getHeaders().putSingle(FORWARDED_FOR, page.request().remoteAddress().hostAddress());
            }
        }
        String path = request.getUri().getPath();
        Arrays.stream(PortalService.values()).filter(s -> path.startsWith(s.apiPrefix())).findFirst()
                .ifPresent(service -> {
                    try (InstanceHandle<AdmissionPass> passes = Arc.container().instance(AdmissionPass.class)) {
                        passes.get().forRoute(service.route()).ifPresent(ticket -> {
                            request.getHeaders().putSingle(AdmissionPass.HEADER, ticket);
                            passes.get().sending(service.route());
                        });
                    }
                });
    }
}

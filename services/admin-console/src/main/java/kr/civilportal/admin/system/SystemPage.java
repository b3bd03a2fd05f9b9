package kr.civilportal.admin.system;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.civilportal.admin.Roles;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** 시스템 상태: each route's readiness, circuit, replicas and load, from the gateway's /api/status. */
@Path("/admin/system")
@RolesAllowed({Roles.RESIDENCY, Roles.PASSPORT, Roles.LAND, Roles.DISPATCH, Roles.DISPATCH_SUPERVISION, Roles.ADMIN,
        Roles.AUDIT})
public class SystemPage {

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance system(GatewayStatus status, Map<String, String> addresses);
    }

    /** The service a route serves, for its name in people's words; a route of another kind keeps its own name. */
    @io.quarkus.qute.TemplateExtension
    static PortalService service(GatewayStatus.Service route) {
        return PortalService.byRoute(route.name()).orElse(null);
    }

    private final GatewayStatusClient gateway;
    private final ServiceCalls calls;
    private final SecurityIdentity identity;

    SystemPage(@RestClient GatewayStatusClient gateway, ServiceCalls calls, SecurityIdentity identity) {
        this.gateway = gateway;
        this.calls = calls;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        try {
            return Response.ok(Templates.system(calls.call(gateway::status), addresses())).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(Templates.system(null, Map.of())).build();
        }
    }

    /** The replicas' internal addresses, which the gateway gives the operator (admin) only; none for officers. */
    private Map<String, String> addresses() {
        if (!identity.hasRole(Roles.ADMIN)) {
            return Map.of();
        }
        try {
            Map<String, String> byReplica = new HashMap<>();
            calls.call(gateway::replicas).forEach(r -> byReplica.put(r.replica(), r.address()));
            return byReplica;
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Map.of(); // the status itself is shown; the addresses are a detail
        }
    }
}

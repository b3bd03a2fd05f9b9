package kr.civilportal.admin.system;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
@RolesAllowed({Roles.RESIDENCY, Roles.PASSPORT, Roles.LAND, Roles.DISPATCH, Roles.ADMIN})
public class SystemPage {

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance system(GatewayStatus status);
    }

    /** The service a route serves, for its name in people's words; a route of another kind keeps its own name. */
    @io.quarkus.qute.TemplateExtension
    static PortalService service(GatewayStatus.Service route) {
        return PortalService.byRoute(route.name()).orElse(null);
    }

    private final GatewayStatusClient gateway;
    private final ServiceCalls calls;

    SystemPage(@RestClient GatewayStatusClient gateway, ServiceCalls calls) {
        this.gateway = gateway;
        this.calls = calls;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        try {
            return Response.ok(Templates.system(calls.call(gateway::status))).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(Templates.system(null)).build();
        }
    }
}

package kr.civilportal.gateway.status;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The portal's status as JSON for clients and monitors, and as a plain page for people. No login needed. */
@Path("/")
public class StatusResource {

    private final ReadinessProbe probe;
    private final Template status;

    StatusResource(ReadinessProbe probe, Template status) {
        this.probe = probe;
        this.status = status;
    }

    @GET
    @Path("api/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness of each service and its replicas, as the gateway sees it")
    public PortalStatus json() {
        return probe.check();
    }

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same as a page (서비스 상태)")
    public TemplateInstance page() {
        return status.data("portal", probe.check());
    }
}

package kr.civilportal.gateway.status;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The portal's status as JSON for clients and monitors, and as a plain page for people. No login needed; the
 * replicas' internal addresses only for the operators.
 */
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
    @Path("api/status/replicas")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Each replica's internal address and the probe's full finding (operators only)")
    public List<ReadinessProbe.ReplicaAddress> replicas() {
        return probe.replicaAddresses();
    }

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same as a page (서비스 상태)")
    public TemplateInstance page() {
        return status.data("portal", probe.check());
    }
}

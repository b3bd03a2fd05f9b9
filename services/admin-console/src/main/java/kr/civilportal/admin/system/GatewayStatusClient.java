package kr.civilportal.admin.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's own {@code /api/status}, read over HTTP like any monitor. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/status")
public interface GatewayStatusClient {

    @GET
    GatewayStatus status();
}

package kr.civilportal.admin.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's own {@code /api/status}, read over HTTP like any monitor. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/status")
public interface GatewayStatusClient {

    @GET
    GatewayStatus status();

    /** Every replica's internal address: the gateway answers it to role admin only. */
    @GET
    @Path("/replicas")
    List<GatewayStatus.ReplicaAddress> replicas();
}

package kr.civilportal.admin.system;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's own {@code /api/status}, read over HTTP like any monitor: the console shows exactly what
 * the public JSON says (service readiness, replicas, and circuit states once the gateway reports them).
 */
@RegisterRestClient(configKey = "gateway")
@Path("/api/status")
public interface GatewayStatusClient {

    @GET
    JsonNode status();
}

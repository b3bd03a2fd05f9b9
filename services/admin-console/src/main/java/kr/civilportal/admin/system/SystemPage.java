package kr.civilportal.admin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.admin.AdminAccess;
import kr.civilportal.admin.system.GatewayStatusClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 시스템 상태: each service's readiness and replicas, from the gateway's /api/status. Fields the page does not
 * know by name (circuit-breaker states and the like, as the gateway adds them) are listed as they come.
 */
@Path("/admin/system")
@Authenticated
public class SystemPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template page;
    private final GatewayStatusClient gateway;
    private final AdminAccess access;

    SystemPage(@Location("admin/system.html") Template page, @RestClient GatewayStatusClient gateway,
            AdminAccess access) {
        this.page = page;
        this.gateway = gateway;
        this.access = access;
    }

    /** A service as the page lists it. */
    public record ServiceRow(String name, String status, String circuit, List<Map<String, String>> replicas,
            Map<String, String> details) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        access.requireOfficial();
        try {
            JsonNode status = gateway.status();
            List<ServiceRow> services = new ArrayList<>();
            for (JsonNode s : status.path("services")) {
                List<Map<String, String>> replicas = new ArrayList<>();
                for (JsonNode r : s.path("replicas")) {
                    replicas.add(flat(r));
                }
                Map<String, String> details = flat(s);
                details.remove("name");
                details.remove("status");
                details.remove("replicas");
                details.remove("circuit");
                services.add(new ServiceRow(s.path("name").asText(), s.path("status").asText(),
                        s.path("circuit").asText(""), replicas, details));
            }
            return Response.ok(page.data("overall", status.path("status").asText()).data("checkedAt",
                    status.path("checkedAt").asText()).data("services", services).data("unavailable", false)).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(page.data("overall", "").data("checkedAt", "")
                    .data("services", List.of()).data("unavailable", true)).build();
        }
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return map;
    }
}

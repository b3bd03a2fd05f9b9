package kr.civilportal.citizen.land;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Land-registry's extracts (토지대장 등본), signed documents: under the "documents" client settings, which wait as
 * long as the gateway's document routes do.
 */
@RegisterRestClient(configKey = "documents")
@Path("/api/land/v1/extracts")
public interface ExtractClient {

    record ExtractRequest(String pnu) {
    }

    /** 201 with the extract's PDF, its number in {@code Issuance-Number} and {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response issue(@HeaderParam("Idempotency-Key") String idempotencyKey, ExtractRequest request);

    @GET
    @Path("/{number}/pdf")
    Response pdf(@PathParam("number") String number);
}

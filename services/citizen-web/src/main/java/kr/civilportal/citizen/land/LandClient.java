package kr.civilportal.citizen.land;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The land-registry service's API (services/land-registry/README.md), as the citizen's pages use it. */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1")
public interface LandClient {

    record ExtractRequest(String pnu) {
    }

    @GET
    @Path("/parcels")
    Parcel.Page search(@QueryParam("address") String address, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/parcels/{pnu}")
    Parcel parcel(@PathParam("pnu") String pnu);

    /** 201 with the extract's PDF, its number in {@code Issuance-Number} and {@code Location}. */
    @POST
    @Path("/extracts")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issueExtract(@HeaderParam("Idempotency-Key") String idempotencyKey, ExtractRequest request);

    @GET
    @Path("/extracts/{number}/pdf")
    Response extractPdf(@PathParam("number") String number);
}

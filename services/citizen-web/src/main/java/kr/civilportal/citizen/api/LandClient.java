package kr.civilportal.citizen.api;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The land-registry service's API (services/land-registry/README.md), as the pages use it. */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1")
public interface LandClient {

    @GET
    @Path("/parcels")
    JsonNode search(@HeaderParam("Authorization") String bearer, @QueryParam("address") String address,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/parcels/{pnu}")
    JsonNode parcel(@HeaderParam("Authorization") String bearer, @PathParam("pnu") String pnu);

    @POST
    @Path("/extracts")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issueExtract(@HeaderParam("Authorization") String bearer, JsonNode request);

    @GET
    @Path("/extracts/{number}/pdf")
    Response extractPdf(@HeaderParam("Authorization") String bearer, @PathParam("number") String number);
}

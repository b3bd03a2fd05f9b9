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

/** The residency service's API (services/residency/README.md), as the pages use it. */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1")
public interface ResidencyClient {
    @GET
    @Path("/me")
    JsonNode me(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/certificates")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issueCertificate(@HeaderParam("Authorization") String bearer, JsonNode request);

    @GET
    @Path("/certificates")
    JsonNode certificates(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/certificates/{number}/pdf")
    Response certificatePdf(@HeaderParam("Authorization") String bearer, @PathParam("number") String number);

    @GET
    @Path("/verifications/{number}")
    JsonNode verify(@PathParam("number") String number, @HeaderParam("X-Forwarded-For") String clientAddress);

    @POST
    @Path("/move-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode fileMoveIn(@HeaderParam("Authorization") String bearer, JsonNode request);

    @GET
    @Path("/move-ins")
    JsonNode myMoveIns(@HeaderParam("Authorization") String bearer);
}

package kr.civilportal.citizen.land;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The land-registry service's parcels (services/land-registry/README.md), as the citizen's pages use them; its
 * extracts are {@link ExtractClient}'s.
 */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1")
public interface LandClient {

    @GET
    @Path("/parcels")
    Parcel.Page search(@QueryParam("address") String address, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/parcels/{pnu}")
    Parcel parcel(@PathParam("pnu") String pnu);
}

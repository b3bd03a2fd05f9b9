package kr.civilportal.admin.land;

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

/** The land-registry API as the land officer's console uses it (services/land-registry/README.md). */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1")
public interface LandOfficeClient {

    /**
     * Exactly one of pnu, legalDongCode (with an optional lot) and address is sent, the others null;
     * landCategory (지목 code) narrows any of them, or is null.
     */
    @GET
    @Path("/parcels")
    Parcel.Page search(@QueryParam("pnu") String pnu, @QueryParam("legalDongCode") String legalDongCode,
            @QueryParam("lot") String lot, @QueryParam("address") String address,
            @QueryParam("landCategory") String landCategory, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/parcels/{pnu}")
    Parcel parcel(@PathParam("pnu") String pnu);

    @POST
    @Path("/parcels/{pnu}/owners")
    @Consumes(MediaType.APPLICATION_JSON)
    Response recordOwnerChange(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("pnu") String pnu,
            OwnerChangeForm.Request change);
}

package kr.civilportal.citizen.movein;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Residency's road-name address register (도로명주소), searched for the move-in form: a NEW_HOUSEHOLD's address is
 * one of its rows, so residency finds it again when the report comes (docs/road-name-addresses.md).
 */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/addresses")
public interface AddressClient {

    /** The rows every word of {@code q} names (at most residency's search limit); a bad query: 400 field {@code q}. */
    @GET
    List<RoadAddress> search(@QueryParam("q") String q);
}

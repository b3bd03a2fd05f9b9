package kr.civilportal.passport.identity;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Residency's identity-check endpoint, called as the {@code passport-service} client: the OIDC client filter
 * adds a client-credentials token (role {@code identity-check}). URL: {@code quarkus.rest-client.residency.url}.
 */
@RegisterRestClient(configKey = "residency")
@OidcClientFilter
@Path("/api/residency/v1/identity")
public interface ResidencyClient {

    @GET
    @Path("/{residentId}")
    @Produces(MediaType.APPLICATION_JSON)
    ResidentIdentity identity(@PathParam("residentId") String residentId, @QueryParam("purpose") String purpose);
}

package kr.civilportal.citizen.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Residency's public verification, no login: 404 for a number never issued, 429 when an address guesses too
 * often (the citizen's address goes as X-Forwarded-For, see web-common's ApiRequestHeaders).
 */
@RegisterRestClient(configKey = "documents")
@Path("/api/residency/v1/verifications")
public interface VerificationClient {

    @GET
    @Path("/{number}")
    Verification verify(@PathParam("number") String number);

    /** The certificate's PDF itself: 200 when genuine, 422 (with what is wrong) when not. */
    @POST
    @Consumes("application/pdf")
    DocumentVerification verifyDocument(byte[] pdf);
}

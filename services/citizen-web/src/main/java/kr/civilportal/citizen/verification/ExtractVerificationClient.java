package kr.civilportal.citizen.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Land-registry's public verification of extracts, by number or PDF, no login (the citizen's address as X-Forwarded-For). */
@RegisterRestClient(configKey = "documents")
@Path("/api/land/v1")
public interface ExtractVerificationClient {

    /** An extract's issuance number: 404 when none was issued, 429 when an address guesses too often. */
    @GET
    @Path("/extracts/{number}")
    ExtractNumberVerification verify(@PathParam("number") String number);

    @POST
    @Path("/extract-verifications")
    @Consumes("application/pdf")
    DocumentVerification verifyDocument(byte[] pdf);

    /** Land-registry's answer for a genuine extract number. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ExtractNumberVerification(String issuanceNumber, String document, java.time.OffsetDateTime issuedAt,
                                     String address, String contentHash,
                                     ShownContent content) {
    }
}

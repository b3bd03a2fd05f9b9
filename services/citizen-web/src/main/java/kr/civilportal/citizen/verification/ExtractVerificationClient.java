package kr.civilportal.citizen.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Land-registry's public verification of an extract's PDF, no login (the citizen's address as X-Forwarded-For). */
@RegisterRestClient(configKey = "land")
@Path("/api/land/v1/extract-verifications")
public interface ExtractVerificationClient {

    @POST
    @Consumes("application/pdf")
    DocumentVerification verifyDocument(byte[] pdf);
}

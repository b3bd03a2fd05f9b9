package kr.civilportal.citizen.certificate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Residency's certificates (services/residency/README.md), through the gateway with the citizen's token. */
@RegisterRestClient(configKey = "documents")
@Path("/api/residency/v1/certificates")
public interface CertificateClient {

    /** The request as residency takes it. */
    record Request(CertificateKind kind, boolean includeFormerAddresses, boolean showBackDigits) {
    }

    /** 201 with the PDF, its number in {@code Issuance-Number} and {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response issue(@HeaderParam("Idempotency-Key") String idempotencyKey, Request request);

    @GET
    List<Certificate> mine();

    @GET
    @Path("/{number}/pdf")
    Response pdf(@PathParam("number") String number);
}

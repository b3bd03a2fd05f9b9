package kr.civilportal.citizen.petitions;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import kr.civilportal.citizen.certificate.Certificate;
import kr.civilportal.citizen.land.IssuedExtract;
import kr.civilportal.citizen.report.ReportAnswers;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The reads of 나의 민원 that the services' own pages make under longer waits (certificates and extracts share the
 * gateway's document routes, 119 receipts its report route): here under the portal's usual read time-out, so one
 * hung service costs the dashboard seconds, not the document routes' quarter of a minute, and shows its panel.
 */
@RegisterRestClient(configKey = "petitions")
@Path("/api")
public interface PetitionReads {

    /** The certificates issued to the caller, newest first. */
    @GET
    @Path("/residency/v1/certificates")
    List<Certificate> certificates();

    /** The land-register extracts issued to the caller, newest first. */
    @GET
    @Path("/land/v1/extracts")
    List<IssuedExtract> extracts();

    @GET
    @Path("/emergency/v1/receipts/{id}")
    ReportAnswers.Receipt receipt(@PathParam("id") String reportId, @HeaderParam("Receipt-Token") String receiptToken);

    @GET
    @Path("/emergency/v1/relay/{id}")
    ReportAnswers.Held relay(@PathParam("id") String relayId, @QueryParam("token") String relayToken);
}

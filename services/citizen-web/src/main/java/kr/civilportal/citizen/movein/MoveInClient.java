package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** Residency's move-in reports (전입신고) as the citizen files and follows them. */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/move-ins")
public interface MoveInClient {

    /**
     * The report as residency takes it: an address for a new household, the head's number and relation to join one;
     * {@code movers}, the members of the citizen's household moving with them (absent: alone).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(MoveInMode mode, String movedInOn, String address, String headResidentRegistrationNumber,
            Relation relationToHead, List<UUID> movers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response file(@HeaderParam("Idempotency-Key") String idempotencyKey, Request request);

    @GET
    List<MoveIn> mine();

    /** One of the citizen's reports; another's or an unknown one: 404. */
    @GET
    @Path("/{id}")
    MoveIn one(@PathParam("id") UUID id);

    /** 보완 제출: the answer to what the officer asked (at most 1000 characters). */
    record SupplementAnswer(String answer) {
    }

    /**
     * The report goes back to the officers. 400 naming answer; 409 when nothing is asked any more or its deadline
     * has passed; another's report: 404.
     */
    @POST
    @Path("/{id}/supplement-answer")
    @Consumes(MediaType.APPLICATION_JSON)
    MoveIn answerSupplement(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            SupplementAnswer answer);

    /**
     * 보완 제출 with documents (docs/supplement-documents.md): part {@code answer} and up to residency's limit of parts
     * {@code documents}. Answers as {@link #answerSupplement}, plus 400 naming {@code documents[i]} (a file that is
     * not a PDF, JPEG or PNG by its bytes, too large or empty) or {@code documents} (too many).
     */
    @POST
    @Path("/{id}/supplement-answer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    MoveIn answerSupplementWithDocuments(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") UUID id, ClientMultipartForm form);

    /**
     * A document of one of the citizen's 보완 answers: its bytes with residency's Content-Type and Content-Disposition;
     * another's report or an unknown document: 404.
     */
    @GET
    @Path("/{id}/supplement-documents/{documentId}")
    Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @POST
    @Path("/{id}/withdrawal")
    Response withdraw(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);
}

package kr.civilportal.admin.residency;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.casework.Assignee;
import kr.civilportal.admin.casework.Assignment;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The residency API as the residency officer's console uses it: the move-in queue with its 담당 filter and the
 * day's figures, taking and letting go of a report (담당) and taking over one another officer holds (담당 인계),
 * decisions, a record (with a reason).
 */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/officer")
public interface ResidencyOfficeClient {

    record Rejection(String reason) {
    }

    /** 보완 요청: what the filer is to supply, and the day (Korea) they have until. */
    record SupplementRequest(String what, java.time.LocalDate deadline) {
    }

    /** Why a held report is taken over (인계 사유). */
    record Takeover(String reason) {
    }

    /** The officer's queue; a null {@code held} is left out of the query (every report of their offices). */
    @GET
    @Path("/move-ins")
    List<PendingMoveIn> pendingMoveIns(@QueryParam("held") PendingMoveIn.Held held);

    /**
     * The reports of the officer's offices in {@code status}: SUPPLEMENT_REQUESTED lists those waiting for their
     * filers' supplements (보완 대기), out of the queue.
     */
    @GET
    @Path("/move-ins")
    List<PendingMoveIn> moveIns(@QueryParam("held") PendingMoveIn.Held held,
            @QueryParam("status") PendingMoveIn.Status status);

    /**
     * 보완 요청: the report waits for its filer until the day given. 400 naming what or deadline (at most 500
     * characters; tomorrow to 30 days ahead); 409 decided or already waiting; 409 case-held if another holds it.
     */
    @POST
    @Path("/move-ins/{id}/supplement-request")
    @Consumes(MediaType.APPLICATION_JSON)
    Response requestSupplement(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            SupplementRequest request);

    /** 처리 현황: received (접수 대기), in progress, overdue, decided today, over the officer's offices. */
    @GET
    @Path("/move-ins/counts")
    PendingMoveIn.Counts counts();

    /**
     * 담당 지정: the officer holds the report, so no other officer decides it unknowingly. Another's: 409 case-held
     * naming them; already decided: 409 conflict.
     */
    @PUT
    @Path("/move-ins/{id}/holder")
    PendingMoveIn take(@PathParam("id") UUID id);

    /**
     * 담당 인계: the officer takes over a report another officer holds, for the reason given (residency logs it);
     * nobody's or the officer's own: simply taken. No reason: 400 field reason; decided: 409 conflict.
     */
    @POST
    @Path("/move-ins/{id}/holder/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    PendingMoveIn takeOver(@PathParam("id") UUID id, Takeover takeover);

    /**
     * 배정 대상: the residency officers of the report's office who have used residency lately (the caller included),
     * by user name; another office's or unknown report: 404.
     */
    @GET
    @Path("/move-ins/{id}/assignees")
    List<Assignee> moveInAssignees(@PathParam("id") UUID id);

    /**
     * 배정: the colleague holds the report from now, and the answer's holder says who assigned it. Not one of its
     * assignees: 400 field assignee; another officer holds it: 409 case-held; decided: 409. Safe to repeat: no key.
     */
    @POST
    @Path("/move-ins/{id}/holder/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    PendingMoveIn assign(@PathParam("id") UUID id, Assignment assignment);

    /** 담당 해제: the officer lets the report go, for another to take. Another's: 409 case-held. */
    @DELETE
    @Path("/move-ins/{id}/holder")
    PendingMoveIn release(@PathParam("id") UUID id);

    /** Another officer's report: 409 case-held; one nobody holds any officer of its office may decide. */
    @POST
    @Path("/move-ins/{id}/approval")
    Response approve(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    /** As {@link #approve}: another officer's report is refused (409 case-held). */
    @POST
    @Path("/move-ins/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    Response reject(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id, Rejection reason);

    /**
     * A document the filer sent with a 보완 answer: its bytes with residency's Content-Type and Content-Disposition.
     * Residency writes the read to the access log as the officer's read of the filer's record; another office's
     * report or an unknown document: 404.
     */
    @GET
    @Path("/move-ins/{id}/supplement-documents/{documentId}")
    Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    /** The read is written to the access log with the reason (열람 사유). */
    @GET
    @Path("/residents/{id}")
    ResidentRecord readResident(@PathParam("id") UUID id, @QueryParam("reason") String reason);
}

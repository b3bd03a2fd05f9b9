package kr.civilportal.admin.land;

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
 * The land-registry API as the land officer's console uses it (services/land-registry/README.md): parcels and their
 * owners, and the queue of citizens' owner-change requests (소유자 변동 신청) with its 담당 (taking over one another
 * officer holds included, 담당 인계) and the day's figures.
 */
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

    /** A rejection's reason (반려 사유): required, at most 200 characters. */
    record Rejection(String reason) {
    }

    /**
     * The waiting owner-change requests of the officer's offices, oldest first; a null {@code held} is left out of
     * the query (every waiting request).
     */
    @GET
    @Path("/officer/owner-change-requests")
    List<OwnerChangeRequestItem> ownerChangeRequests(@QueryParam("held") OwnerChangeRequestItem.Held held);

    /** 처리 현황: received (접수 대기), in progress, overdue, decided today, over the officer's offices. */
    @GET
    @Path("/officer/owner-change-requests/counts")
    OwnerChangeRequestItem.Counts ownerChangeRequestCounts();

    /**
     * 담당 지정: the officer holds the request, so no other officer decides it unknowingly. Another officer's: 409
     * case-held naming them; another office's or unknown: 404; already decided: 409.
     */
    @PUT
    @Path("/officer/owner-change-requests/{id}/holder")
    OwnerChangeRequestItem takeOwnerChangeRequest(@PathParam("id") UUID id);

    /** Why a held request is taken over (인계 사유): required, at most 200 characters. */
    record Takeover(String reason) {
    }

    /**
     * 담당 인계: the officer takes over a request another officer holds, for the reason given (land-registry logs
     * it); the answer's holder then says from whom and why. Nobody's or the officer's own: simply taken. No reason
     * or one over 200 characters: 400 field reason; decided: 409 conflict; another office's: 404. Land-registry
     * marks it safe to repeat, so it carries no Idempotency-Key.
     */
    @POST
    @Path("/officer/owner-change-requests/{id}/holder/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    OwnerChangeRequestItem takeOverOwnerChangeRequest(@PathParam("id") UUID id, Takeover takeover);

    /**
     * 배정 대상: the land officers of the request's office who have used land-registry lately (the caller included),
     * by user name; another office's or unknown request: 404.
     */
    @GET
    @Path("/officer/owner-change-requests/{id}/assignees")
    List<Assignee> ownerChangeRequestAssignees(@PathParam("id") UUID id);

    /**
     * 배정: the colleague holds the request from now, and the answer's holder says who assigned it. Not one of its
     * assignees: 400 field assignee; another officer holds it: 409 case-held; decided: 409; another office's: 404.
     * Land-registry marks it safe to repeat, so it carries no Idempotency-Key.
     */
    @POST
    @Path("/officer/owner-change-requests/{id}/holder/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    OwnerChangeRequestItem assignOwnerChangeRequest(@PathParam("id") UUID id, Assignment assignment);

    /** 담당 해제: the officer lets the request go, for another to take. Another officer's: 409 case-held. */
    @DELETE
    @Path("/officer/owner-change-requests/{id}/holder")
    OwnerChangeRequestItem releaseOwnerChangeRequest(@PathParam("id") UUID id);

    /**
     * 승인: land-registry appends the change to the parcel's owner history. Another officer's request: 409
     * case-held; a decided one: 409. The key makes a double click one decision where land-registry keeps keys.
     * The answer (the item, APPROVED) is not read: the page shows the queue again.
     */
    @POST
    @Path("/officer/owner-change-requests/{id}/approval")
    Response approveOwnerChangeRequest(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") UUID id);

    /** 반려 with a reason (400 with a field error {@code reason} when it is missing or too long); as approval. */
    @POST
    @Path("/officer/owner-change-requests/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    Response rejectOwnerChangeRequest(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") UUID id, Rejection rejection);
}

package kr.civilportal.admin.passport;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.casework.Assignee;
import kr.civilportal.admin.casework.Assignment;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The passport API as the officer's queue uses it: the list with its filters and paging, one application, its photo, a step, an identity decision. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1/applications")
public interface PassportOfficeClient {

    String PHOTO = "image/jpeg";

    /** A step of the workflow: a reason for a rejection or a supplement request, its deadline for the latter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transition(Application.Status to, String reason, String supplementDeadline) {
    }

    /** 담당자 본인 확인: the officer's decision on an identity check residency could not settle, and how it was made. */
    record Settlement(Application.Resolution outcome, String note) {
    }

    /** A null filter is left out of the query (the service then does not filter on it). */
    @GET
    Application.Page list(@QueryParam("status") Application.Status status,
            @QueryParam("identityCheck") Application.IdentityCheck identityCheck, @QueryParam("held") Application.Held held,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** 담당 지정: the officer holds it (a repeat changes nothing; another's: 409 naming them). */
    @PUT
    @Path("/{id}/holder")
    Application take(@PathParam("id") UUID id);

    /** 담당 인계: the officer takes over a case another holds, for the reason given (passport logs it). */
    @POST
    @Path("/{id}/holder/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    Application takeOver(@PathParam("id") UUID id, Takeover takeover);

    /**
     * 배정 대상: the passport officers of the application's office who have used passport lately (the caller
     * included), by user name; another office's or unknown application: 404.
     */
    @GET
    @Path("/{id}/assignees")
    List<Assignee> assignees(@PathParam("id") UUID id);

    /**
     * 배정: the colleague holds the application from now, and the answer's holder says who assigned it. Not one of
     * its assignees: 400 field assignee; another officer holds it: 409 case-held; final: 409. Safe to repeat: no key.
     */
    @POST
    @Path("/{id}/holder/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    Application assign(@PathParam("id") UUID id, Assignment assignment);

    /** Why a held case is taken over (인계 사유). */
    record Takeover(String reason) {
    }

        /** 담당 해제. */
    @DELETE
    @Path("/{id}/holder")
    Application release(@PathParam("id") UUID id);

    @GET
    @Path("/{id}")
    Application application(@PathParam("id") UUID id);

    /** 처리 현황: received, in progress, waiting for a supplement, overdue, done today. */
    @GET
    @Path("/counts")
    Application.Counts counts();

    /** The applicant's photo; the passport service logs the read with the officer and the reason (열람 사유). */
    @GET
    @Path("/{id}/photo")
    @Produces(PHOTO)
    byte[] photo(@PathParam("id") UUID id, @QueryParam("reason") String reason);

    /**
     * A document the applicant sent with a 보완 제출: its bytes with passport's Content-Type and Content-Disposition.
     * Passport writes the read to its record-read log (reason {@code supplement-document}), which the applicant and
     * an auditor see; another office's application or an unknown document: 404.
     */
    @GET
    @Path("/{id}/supplement-documents/{documentId}")
    Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @POST
    @Path("/{id}/identity-check")
    @Consumes(MediaType.APPLICATION_JSON)
    Response settleIdentityCheck(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            Settlement settlement);

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response transition(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            Transition transition);
}

package kr.civilportal.land.ownerchange;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.roster.OfficialRoster;
import kr.civilportal.land.owner.OwnerNameReads;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The land officers' queue of owner-change requests: 처리 현황, 담당 (take, let go, take over, assign to a
 * colleague), approval and rejection, over
 * the requests of the officer's offices (관할; another office's request answers 404, as an unknown one).
 */
@Path("/api/land/v1/officer/owner-change-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OwnerNameReads.LAND_OFFICER)
@Tag(name = "Owner-change requests")
public class OwnerChangeQueueResource {

    private static final int OK = 200;

    private final OwnerChangeFilings filings;
    private final IdempotentWrites writes;
    private final JsonWebToken token;
    private final OfficialRoster roster;

    OwnerChangeQueueResource(OwnerChangeFilings filings, IdempotentWrites writes, JsonWebToken token,
                             OfficialRoster roster) {
        this.filings = filings;
        this.writes = writes;
        this.token = token;
        this.roster = roster;
    }

    /**
     * The officer calling, entered in the roster (직원 명부) as they open their work, so that colleagues can assign
     * them requests. Outside any transaction: the entry stands whatever the request does next.
     */
    private LandOfficer presentOfficer() {
        LandOfficer officer = LandOfficer.of(token);
        roster.present(officer.subject(), officer.name(), officer.offices());
        return officer;
    }

    /** Why a request is rejected (반려 사유): the filer reads it. */
    public record Rejection(@NotBlank(message = "is required (반려 사유를 입력해 주세요)")
                            @Size(max = 200, message = "must be at most 200 characters (반려 사유는 200자 이내입니다)")
                            @Schema(examples = "등기사항증명서의 소유자와 신청 내용이 다릅니다") String reason) {
    }

    @GET
    @Operation(operationId = "listOwnerChangeQueue", summary = "The officer's queue of owner-change requests",
            description = "Waiting requests of the caller's offices (and of parcels no office covers), oldest first, "
                    + "optionally only those the caller holds (held=MINE) or nobody holds (held=NOBODY). Names in "
                    + "full: each parcel shown is logged as read (READ_OWNERS, 소유자 변동 신청 처리).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "400", description = "held is neither MINE nor NOBODY",
            content = @Content(mediaType = "application/problem+json"))
    public List<OwnerChangeFilingView> queue(@QueryParam("held") @Parameter(description = "MINE: the caller's (내 업무); "
            + "NOBODY: nobody's (미배정)", schema = @Schema(enumeration = {"MINE", "NOBODY"})) String held) {
        return filings.queue(presentOfficer(), held(held));
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countOwnerChangeQueue", summary = "처리 현황 of the caller's offices",
            description = "received (waiting, nobody holds them), inProgress (waiting and held), overdue (waiting past "
                    + "처리기한) and decidedToday (decided since midnight, Korean time).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FilingCounts.class)))
    public FilingCounts counts() {
        return filings.counts(presentOfficer());
    }

    @PUT
    @Path("/{id}/holder")
    @Operation(operationId = "takeOwnerChangeRequest", summary = "Take the request (담당 지정)",
            description = "Nobody holds it, or the caller already does: the caller holds it (a repeat changes "
                    + "nothing). Another officer holds it: 409 case-held naming them. Decided: 409. Another "
                    + "office's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:case-held: another officer holds it; "
            + "urn:civilportal:problem:conflict: already decided", content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public OwnerChangeFilingView take(@PathParam("id") UUID id) {
        return filings.take(id, LandOfficer.of(token));
    }

    /** Why a held request is taken over (인계 사유): the previous holder, leads and auditors read it. */
    public record Takeover(@NotBlank(message = "is required (인계 사유를 입력해 주세요)")
                           @Size(max = 200, message = "must be at most 200 characters (인계 사유는 200자 이내입니다)")
                           @Schema(examples = "담당자 휴가 (12/7-12/11), 처리기한 임박") String reason) {
    }

    @POST
    @Path("/{id}/holder/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "takeover", value = "{\"reason\":\"담당자 휴가 (12/7-12/11), 처리기한 임박\"}")}))
    @Operation(operationId = "takeOverOwnerChangeRequest", summary = "Take over a held request (담당 인계)",
            description = "For a request whose holder is away: the caller holds it from now, and the holding says "
                    + "whom it was taken from and why (holder.takenOverFrom, holder.takeoverReason); every take-over "
                    + "is logged. Nobody holds it, or the caller does: taken as by PUT holder (nothing is logged). The "
                    + "reason is required (at most 200 characters): 400 field reason. Decided: 409. Another office's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one over 200 characters",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Already decided", content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public OwnerChangeFilingView takeOver(@PathParam("id") UUID id,
                                          @Valid @NotNull(message = "is required (인계 사유를 입력해 주세요)") Takeover takeover) {
        return filings.takeOver(id, LandOfficer.of(token), takeover.reason());
    }

    @GET
    @Path("/{id}/assignees")
    @Operation(operationId = "listOwnerChangeAssignees", summary = "Whom the request may be assigned to (배정 대상)",
            description = "The land officers of the request's office who have used the service in the last 30 days "
                    + "(portal.roster.active-within), by user name, the caller included and the filer excepted. An "
                    + "officer appears once they have opened their queue. Another office's request: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = OwnerChangeFilings.Assignee.class)))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    public List<OwnerChangeFilings.Assignee> assignees(@PathParam("id") UUID id) {
        return filings.assignees(id, presentOfficer());
    }

    /** As long as a holder's subject may be in passport's and residency's holder columns, the same in all three. */
    static final int SUBJECT_MAX = 64;

    /** Whom a request is assigned to (배정): one of its assignees, by their subject. */
    public record Assignment(@NotBlank(message = "is required (배정할 담당자를 선택해 주세요)")
                             @Size(max = SUBJECT_MAX, message = "must be at most {max} characters (담당자 식별자는 "
                                     + "{max}자 이내입니다)")
                             @Schema(description = "The subject of one of the request's assignees",
                                     examples = "a1c2e3f4-0000-4000-8000-000000000022") String assignee) {
    }

    @POST
    @Path("/{id}/holder/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "assignment", value = "{\"assignee\":\"a1c2e3f4-0000-4000-8000-000000000022\"}")}))
    @Operation(operationId = "assignOwnerChangeRequest", summary = "Assign the request to a colleague (배정)",
            description = "Nobody holds it, or the caller does: the assignee holds it from now and holder.assignedBy "
                    + "names the caller; each assignment is logged. The assignee already holds it: nothing changes; "
                    + "the caller names themself: taken as by PUT holder. The assignee must be one of GET assignees: "
                    + "anyone else is 400 field assignee. Another officer holds it: 409 case-held (take it over "
                    + "first, with a reason). Decided, or the caller or the assignee filed it: 409. Another office's: "
                    + "404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "400", description = "No assignee, or one who is not a land officer of the office",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:case-held: another officer holds it; "
            + "urn:civilportal:problem:conflict: already decided, or filed by the caller or the assignee",
            content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public OwnerChangeFilingView assign(@PathParam("id") UUID id, @Valid @NotNull(message = "is required (배정할 "
            + "담당자를 선택해 주세요)") Assignment assignment) {
        return filings.assign(id, LandOfficer.of(token), assignment.assignee().strip());
    }

    @DELETE
    @Path("/{id}/holder")
    @Operation(operationId = "releaseOwnerChangeRequest", summary = "Let the request go (담당 해제)",
            description = "The caller holds it, or nobody does: nobody holds it now (a repeat changes nothing). "
                    + "Another officer holds it: 409 case-held naming them. Another office's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:case-held: another officer holds it",
            content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public OwnerChangeFilingView release(@PathParam("id") UUID id) {
        return filings.release(id, LandOfficer.of(token));
    }

    @POST
    @Path("/{id}/approval")
    @Transactional
    @Operation(operationId = "approveOwnerChangeRequest", summary = "Approve: record the change (소유자 정리)",
            description = "The change is appended to the parcel's owner history (ownerChangeSequence) with the "
                    + "approval, in one transaction. The answer has the names masked (the queue showed them). The "
                    + "officer who filed the request (an account that is also a citizen's) cannot decide it: 409. "
                    + "409 if already decided (with an Idempotency-Key a retry gets "
                    + "the first answer instead), 409 case-held when another officer holds it, 404 for another "
                    + "office's request.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: already decided; "
            + "urn:civilportal:problem:case-held: another officer holds it",
            content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response approve(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        LandOfficer officer = LandOfficer.of(token);
        return writes.once(keyed(idempotencyKey, uri, null), () -> writes.json(OK, null, filings.approve(id, officer)));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "rejection", value = "{\"reason\":\"등기사항증명서의 소유자와 신청 내용이 다릅니다\"}")}))
    @Operation(operationId = "rejectOwnerChangeRequest", summary = "Reject with a reason (반려)",
            description = "The reason is required (at most 200 characters: 400 field reason). The answer has the "
                    + "names masked. 409 if already "
                    + "decided (with an Idempotency-Key a retry gets the first answer instead), 409 case-held when "
                    + "another officer holds it, 404 for another office's request.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one over 200 characters",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such request of the caller's offices",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: already decided; "
            + "urn:civilportal:problem:case-held: another officer holds it",
            content = @Content(mediaType = "application/problem+json"))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull(message = "is required (반려 사유를 입력해 주세요)")
                           Rejection rejection, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        LandOfficer officer = LandOfficer.of(token);
        return writes.once(keyed(idempotencyKey, uri, rejection),
                () -> writes.json(OK, null, filings.reject(id, officer, rejection.reason())));
    }

    private KeyedRequest keyed(String idempotencyKey, UriInfo uri, Object body) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), body);
    }

    /**
     * The 담당 filter, read from text rather than bound to an enum by JAX-RS: a failed conversion of a query
     * parameter answers 404 under the JAX-RS rules, whereas {@code held=ME} deserves a 400 naming the field.
     */
    static OwnerChangeFilings.HeldFilter held(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OwnerChangeFilings.HeldFilter.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("held", "must be one of " + List.of(OwnerChangeFilings.HeldFilter.values()),
                    "담당 구분 값이 올바르지 않습니다 (MINE 또는 NOBODY).");
        }
    }
}

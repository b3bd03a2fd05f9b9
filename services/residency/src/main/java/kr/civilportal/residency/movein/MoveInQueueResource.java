package kr.civilportal.residency.movein;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.roster.OfficialRoster;
import kr.civilportal.documents.UploadedDocumentDownload;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The residency officers' work queue of move-in reports, and their decisions: an officer lists and decides the
 * reports of the offices their token names (관할, claim {@code offices}) and those of no office, and sees to whom of
 * their colleagues a report may be assigned (배정 대상).
 */
@Path("/api/residency/v1/officer/move-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("residency-officer")
@Tag(name = "Move-in queue", description = "Move-in reports waiting for a residency officer's decision (전입신고 처리)")
public class MoveInQueueResource {

    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    MoveIns moveIns;

    @Inject
    IdempotentWrites writes;

    @Inject
    OfficialRoster roster;

    /**
     * The officer calling, entered in the roster (직원 명부) as they open their work, so that colleagues can assign
     * them reports. Outside any transaction: the entry stands whatever the request does next.
     */
    private Officer presentOfficer() {
        Officer officer = Officer.of(token);
        roster.present(officer.subject(), officer.name(), officer.offices());
        return officer;
    }

    /** Why a report is rejected (반려 사유); the citizen sees it. */
    public record Rejection(@NotBlank @Size(max = 500) @Schema(examples = "전입 주소에 거주 사실이 확인되지 않음") String reason) {
    }

    /**
     * 보완 요청: what the filer is to supply (the citizen reads it) and the day they have until (a day in Korea, from
     * tomorrow to {@code portal.residency.supplement-deadline.longest-days} ahead).
     */
    public record SupplementRequest(
            @NotBlank @Size(max = MoveInSupplement.WHAT_LENGTH)
            @Schema(examples = "임대차계약서 사본 (copy of the lease)") String what,
            @NotNull @Schema(examples = "2026-12-18", description = "YYYY-MM-DD, a day in Korea: from tomorrow to "
                    + "30 days ahead") LocalDate deadline) {
    }

    @GET
    @Operation(operationId = "listPendingMoveIns",
            summary = "Pending move-in reports (전입신고 처리 대기)",
            description = "Oldest first: those of the officer's offices (token claim offices) and those of no office "
                    + "(an address no office covers), and/or held by the caller (held=MINE) or by nobody "
                    + "(held=NOBODY). Each names its office (office, officeName), its holder (담당자, absent when "
                    + "nobody holds it), its 처리기한 (dueAt) and whether it is past it (overdue), and the rounds of 보완 "
                    + "asked (supplements). status=SUPPLEMENT_REQUESTED lists instead the reports waiting for their "
                    + "filer's supplement (보완 대기), which are out of the queue until answered.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "held is neither MINE nor NOBODY; status is neither SUBMITTED "
            + "nor SUPPLEMENT_REQUESTED")
    public List<MoveInView> pending(@QueryParam("held") @Parameter(description = "MINE: the caller's reports "
            + "(내 업무); NOBODY: reports nobody holds (미배정)", schema = @Schema(enumeration = {"MINE", "NOBODY"}))
                                    String held,
                                    @QueryParam("status") @Parameter(description = "SUBMITTED (default): waiting for "
            + "a decision; SUPPLEMENT_REQUESTED: waiting for the filer's supplement (보완 대기)",
            schema = @Schema(enumeration = {"SUBMITTED", "SUPPLEMENT_REQUESTED"})) String status) {
        MoveInQueueFilter.Held holding = MoveInQueueFilter.held(held);
        return moveIns.pending(presentOfficer(), holding, MoveInQueueFilter.status(status));
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countMoveIns", summary = "The move-in desk's day at a glance (처리 현황)",
            description = "Over the officer's offices: received (waiting, nobody holds it), inProgress (waiting, "
                    + "held), overdue (past 처리기한, undecided), decidedToday (approved or rejected by an officer "
                    + "since midnight, Korean time) and waitingForSupplement (보완 대기: waiting for the filer, in "
                    + "none of the others).")
    public MoveInCounts counts() {
        return moveIns.counts(presentOfficer());
    }

    @GET
    @Path("/{id}/assignees")
    @Operation(operationId = "listMoveInAssignees", summary = "Whom the move-in report may be assigned to (배정 대상)",
            description = "The residency officers of the report's office (관할: the office of its new address) who "
                    + "have used the service in the last 30 days (portal.roster.active-within), by user name, the "
                    + "caller included; for a report that is every officer's (an address no office covers), every "
                    + "such officer. An officer appears once they have opened their queue. A report of another "
                    + "office than the officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = MoveInAssignee.class)))
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    public List<MoveInAssignee> assignees(@PathParam("id") UUID id) {
        return moveIns.assignees(id, presentOfficer());
    }

    @GET
    @Path("/{id}/supplement-documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMoveInSupplementDocument",
            summary = "A document the filer sent with a supplement answer (보완 서류 열람)",
            description = "For an officer of the report's office (관할 as for deciding; another office's report: 404). "
                    + "The bytes as sent, Content-Type the type they were found to be, as an attachment under its file "
                    + "name (Content-Disposition filename*), nosniff, no-store. Each read is written to the access "
                    + "log as a read of the filer's record (reason supplement-document). A document not of this "
                    + "report: 404.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "urn:civilportal:problem:not-found")
    public Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        MoveIns.DownloadedDocument document = moveIns.supplementDocumentForOfficer(id, documentId, presentOfficer());
        return UploadedDocumentDownload.of(document.bytes(), document.mediaType(), document.fileName());
    }

    @POST
    @Path("/{id}/supplement-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "supplement", value = "{\"what\":\"임대차계약서 사본 (copy of the lease)\","
                    + "\"deadline\":\"2026-12-18\"}")}))
    @Operation(operationId = "requestMoveInSupplement", summary = "Ask the filer for a supplement (보완 요청)",
            description = "What is missing (at most 500 characters) and the day the filer has until (a day in Korea, "
                    + "from tomorrow to 30 days ahead: portal.residency.supplement-deadline.longest-days). The report "
                    + "becomes SUPPLEMENT_REQUESTED: out of the queue, not decidable, its 처리기한 standing still until "
                    + "the filer answers; rejected (반려) by the service once the day has passed without an answer. "
                    + "Holding is unchanged. 400 naming what or deadline; 409 if decided or already waiting for a "
                    + "supplement, 409 case-held when another officer holds it; 404 for another office's report. "
                    + "With an Idempotency-Key a retry gets the first answer.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: decided, or already waiting "
            + "for a supplement; urn:civilportal:problem:case-held: another officer holds it")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response requestSupplement(@PathParam("id") UUID id, @Valid @NotNull SupplementRequest request,
                                      @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                      @Context UriInfo uri) {
        Officer officer = Officer.of(token);
        return writes.once(keyed(idempotencyKey, uri, request), () -> writes.json(OK, null,
                moveIns.requestSupplement(id, officer, request.what(), request.deadline())));
    }

    @POST
    @Path("/{id}/approval")
    @Transactional
    @Operation(operationId = "approveMoveIn", summary = "Approve a move-in report (승인)",
            description = "Moves the resident: household and address history change together. 409 if already "
                    + "decided or waiting for the filer's supplement (보완); with an Idempotency-Key a retry gets the first approval's answer instead. 409 "
                    + "case-held naming the holder when another officer holds the report. 404 for a report of "
                    + "another office than the officer's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: already decided; "
            + "urn:civilportal:problem:case-held: another officer holds it")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response approve(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        Officer officer = Officer.of(token);
        return writes.once(keyed(idempotencyKey, uri, null),
                () -> writes.json(OK, null, moveIns.approve(id, officer)));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "rejection", value = "{\"reason\":\"거주 사실 미확인 (residence not confirmed)\"}")}))
    @Operation(operationId = "rejectMoveIn", summary = "Reject a move-in report with a reason (반려)",
            description = "409 if already decided or waiting for the filer's supplement (보완; rejected by the "
                    + "service if its deadline passes); with an Idempotency-Key a retry gets the first answer instead. "
                    + "409 case-held naming the holder when another officer holds the report. 404 for a report of "
                    + "another office than the officer's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: already decided; "
            + "urn:civilportal:problem:case-held: another officer holds it")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection,
                           @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Officer officer = Officer.of(token);
        return writes.once(keyed(idempotencyKey, uri, rejection),
                () -> writes.json(OK, null, moveIns.reject(id, officer, rejection.reason())));
    }

    private KeyedRequest keyed(String idempotencyKey, UriInfo uri, Object body) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), body);
    }
}

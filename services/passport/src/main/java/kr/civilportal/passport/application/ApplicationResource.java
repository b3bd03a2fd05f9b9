package kr.civilportal.passport.application;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.holder.CaseHolders;
import kr.civilportal.passport.identity.IdentityCheck;
import kr.civilportal.passport.identity.IdentityChecks;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Passport applications (여권 발급 신청): citizens apply and follow their own; passport officers see all. */
@Path("/api/passport/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Passport applications: the citizen's own, and the officers' list (여권 발급 신청)")
public class ApplicationResource {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "passport-officer";
    /** The token claim Keycloak fills from the user's {@code resident_id} attribute. */
    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    PassportApplications applications;

    @Inject
    IdentityChecks identityChecks;

    @Inject
    CaseHolders holders;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CITIZEN)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "ten-year passport, 58 pages", value = "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")}))
    @Operation(operationId = "applyForPassport", summary = "Apply for a passport (여권 발급 신청)",
            description = "Submits a new or reissue application for the caller; its status starts at SUBMITTED. "
                    + "The applicant's identity is then checked against residency; when residency cannot answer the "
                    + "application is accepted all the same with identityCheck PENDING, checked again in the background. "
                    + "Idempotency-Key recommended: a retry with the same key and choices gets the same application "
                    + "(Idempotent-Replayed: true), with other choices 422, while the first runs 409.")
    @APIResponse(responseCode = "201", description = "Submitted (or the same key's application, replayed); Location names it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: nothing was stored")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key's first submission is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for other choices")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response submit(@Valid @NotNull(message = "is required (신청 내용이 없습니다)") ApplicationRequest request,
                           @Parameter(in = ParameterIn.HEADER, description = "A random UUID per application; repeat it on retries")
                           @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        Caller applicant = caller();
        PassportApplications.Submission submitted = applications.submit(applicant, request, idempotencyKey, uri.getPath());
        if (!submitted.replayed()) {
            // Stored first (committed), then residency is asked: its answer, or its absence, never loses the application.
            identityChecks.checkAfterSubmission(submitted.id());
        }
        ApplicationView created = applications.find(applicant, submitted.id());
        Response.ResponseBuilder answer = Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created);
        if (submitted.replayed()) {
            answer.header(IdempotentResponse.REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(CITIZEN)
    @Operation(operationId = "listMyPassportApplications",
            summary = "My passport applications (나의 여권 신청 내역)", description = "The caller's applications, newest first.")
    public List<ApplicationView> mine() {
        return applications.mine(caller());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CITIZEN, OFFICER})
    @Operation(operationId = "getPassportApplication", summary = "One passport application (여권 신청 조회)",
            description = "For its applicant or a passport officer; anyone else gets 404, as for an unknown id.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not yours")
    public ApplicationView one(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                               String id) {
        return applications.find(caller(), parseId(id));
    }

    @GET
    @Path("/counts")
    @RolesAllowed(OFFICER)
    @Operation(operationId = "countPassportApplications", summary = "The office's day at a glance (처리 현황, 담당 공무원)",
            description = "received (SUBMITTED), inProgress (UNDER_REVIEW, APPROVED, PRINTING), waitingForSupplement, "
                    + "overdue (past 처리기한 while the office owes the work) and doneToday (made and ready, handed over "
                    + "or rejected since midnight, Korean time).")
    public ApplicationCounts counts() {
        return applications.counts(LocalDate.now(KoreanTime.ZONE), presentOfficer());
    }

    @GET
    @RolesAllowed(OFFICER)
    @Operation(operationId = "listPassportApplications", summary = "All passport applications (여권 신청 목록, 담당 공무원)",
            description = "Newest first, a page at a time, optionally only those in one status and/or one identity-check "
                    + "state, and/or held by the caller (held=MINE) or by nobody (held=NOBODY). Each shows its holder (담당자).")
    public ApplicationPage list(
            @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(description = "Only applications in this status", schema = @Schema(implementation = ApplicationStatus.class))
            String status,
            @QueryParam("identityCheck") @Parameter(description = "Only applications whose identity check is in this state, e.g. NEEDS_OFFICER", schema = @Schema(implementation = IdentityCheck.class))
            String identityCheck,
            @QueryParam("held") @Parameter(description = "MINE: the caller's cases (내 업무); NOBODY: cases nobody holds (미배정)", schema = @Schema(implementation = ApplicationQuery.Held.class))
            String held) {
        ApplicationQuery query = ApplicationQuery.parse(paging, status, identityCheck, held);
        return applications.list(query, presentOfficer());
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }

    /** The officer calling, entered in the roster as they open their work, so that colleagues can assign them cases. */
    private Caller presentOfficer() {
        Caller officer = caller();
        holders.present(officer, identity.getPrincipal().getName());
        return officer;
    }

    /** A malformed id is the client's mistake (400), unlike an unknown one (404). */
    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be an application id (UUID)",
                    "신청 번호 형식이 올바르지 않습니다.");
        }
    }
}

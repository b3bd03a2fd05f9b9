package kr.civilportal.emergency.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.emergency.attachment.IncomingFile;
import kr.civilportal.emergency.phone.CallbackNumberRead;
import kr.civilportal.emergency.phone.CallbackNumberReads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reports to 119: anyone submits (no login: a phone number is enough), dispatchers read. */
@Path(ReportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "119 reports: sent by anyone without login, listed and read by dispatchers (119 신고)")
public class ReportResource {

    public static final String PATH = "/api/emergency/v1/reports";
    /** A person in an emergency is never refused for a header: a bad key is a warning in the receipt. */
    static final String KEY_NOT_A_400 = "A missing or malformed Idempotency-Key is not refused: the report is taken "
            + "with a warning.";
    static final String INVALID_REPORT = "Invalid fields (problem+json with errors[].field); nothing stored. " + KEY_NOT_A_400;
    static final String STILL_WRITING = "urn:civilportal:problem:idempotency-request-in-progress, only if the first "
            + "report with this Idempotency-Key is still being written after portal.idempotency.max-wait "
            + "(30 s): until then a retry waits for it and gets its receipt";

    @Inject
    EmergencyReports reports;
    @Inject
    CallbackNumberReads numberReads;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "fire, with a location", value = "{\"category\":\"FIRE\",\"description\":\"상가 1층에서 연기가 납니다\",\"latitude\":37.5796,\"longitude\":126.977,\"accuracyMeters\":15,\"address\":\"서울특별시 종로구 세종대로 209\",\"reporterPhone\":\"010-2345-6789\"}"),
            @ExampleObject(name = "address only, no call-back number", value = "{\"category\":\"EMERGENCY_MEDICAL\",\"description\":\"어르신이 쓰러지셨어요\",\"address\":\"서울특별시 마포구 월드컵북로 396\"}")}))
    @Operation(operationId = "submitEmergencyReport", summary = "Report an emergency to 119 (119 신고)",
            description = "No login needed; a token, if sent, is not checked, so an expired one never blocks a "
                    + "report. Stored before the answer; the call-back number comes back masked. Send a random "
                    + "UUID as Idempotency-Key: a retry gets the first receipt (also while the first is still "
                    + "being written: it waits for it), the same key with another report gets 422. Without a "
                    + "key the report is still taken, with a warning.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the report. Idempotent-Replayed: true on a repeat.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(responseCode = "400", description = INVALID_REPORT)
    @APIResponse(responseCode = "409", description = STILL_WRITING)
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different report")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response submit(@Valid ReportRequest request,
                           @Parameter(in = ParameterIn.HEADER, description = "A random UUID per report; repeat it on retries")
                           @RestHeader(IdempotencyKey.HEADER) String idempotencyKey) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON report is required as the body.",
                    "신고 내용을 JSON 본문으로 보내 주세요.");
        }
        return reports.receive(request, List.of(), idempotencyKey, PATH).toResponse();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitEmergencyReportWithAttachments",
            summary = "Report an emergency to 119 with photos or videos (사진·영상 첨부 신고)",
            description = "Multipart: part 'report' is the same JSON as the plain report; parts 'attachments' are "
                    + "files (JPEG, PNG, HEIC photos; MP4, QuickTime videos; the type is taken from the content). A "
                    + "bad, oversized or mislabelled file is left out with a warning and the report is still taken.")
    @APIResponse(responseCode = "201", description = "Stored with the files that passed; warnings name the others",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(responseCode = "400", description = "The report part is missing or invalid; nothing stored. " + KEY_NOT_A_400)
    @APIResponse(responseCode = "409", description = STILL_WRITING)
    @APIResponse(responseCode = "413", description = "urn:civilportal:problem:content-too-large: the whole request exceeds the body limit (64 MB)")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different report")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response submitWithAttachments(
            @RestForm("report") @Schema(implementation = ReportRequest.class) String report,
            @RestForm("attachments") List<FileUpload> files,
            @RestHeader(IdempotencyKey.HEADER) String idempotencyKey) throws JsonProcessingException {
        ReportRequest request = parse(report);
        List<IncomingFile> incoming = files == null ? List.of() : files.stream()
                .map(f -> new IncomingFile(f.contentType(), f.size(), f.uploadedFile())).toList();
        return reports.receive(request, incoming, idempotencyKey, PATH).toResponse();
    }

    /** The 'report' part, read and validated exactly like the JSON body of the plain endpoint. */
    private ReportRequest parse(String report) throws JsonProcessingException {
        if (report == null || report.isBlank()) {
            throw ProblemException.invalidField("report", "The 'report' part with the report as JSON is required.",
                    "신고 내용(report)이 필요합니다.");
        }
        ReportRequest request;
        try {
            request = json.readValue(report, ReportRequest.class);
        } catch (JsonProcessingException e) {
            // Left to the problem mappers: a wrong type becomes a field error, anything else malformed-request.
            throw e;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The 'report' part is not readable JSON.",
                    "신고 내용(report)의 형식이 올바르지 않습니다.");
        }
        if (request == null) {
            throw ProblemException.invalidField("report", "The 'report' part is empty.", "신고 내용(report)이 비어 있습니다.");
        }
        Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    @GET
    @RolesAllowed("dispatcher")
    @Operation(operationId = "listReports", summary = "Reports, newest first (신고 목록)",
            description = "For dispatchers: paged from page 0, optionally by status; call-back numbers unmasked.")
    public ReportPage list(@BeanParam PageParams paging,
                           @QueryParam("status") @Parameter(description = "Only reports in this state",
                                   schema = @Schema(implementation = ReportStatus.class)) String status) {
        // Every bad parameter in one answer: a bad status beside a bad page is reported with it, not after it.
        List<Problem.FieldError> errors = new ArrayList<>();
        PageRequest page = paging.read(errors);
        ReportStatus only = null;
        if (status != null) {
            try {
                only = ReportStatus.valueOf(status);
            } catch (IllegalArgumentException unknown) {
                errors.add(new Problem.FieldError("status", "must be one of "
                        + String.join(", ", Arrays.stream(ReportStatus.values()).map(Enum::name).toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        ReportPage found = reports.list(page.page(), page.size(), only);
        numberReads.record(withNumbers(found.items()), identity.getPrincipal().getName(),
                CallbackNumberRead.Action.LIST_REPORTS, "119 신고 목록 조회");
        return found;
    }

    @GET
    @Path("{id}")
    @RolesAllowed("dispatcher")
    @Operation(operationId = "getReport",
            summary = "One report (신고 상세)", description = "For dispatchers; the call-back number unmasked.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report")
    public ReportView one(@PathParam("id") UUID id) {
        ReportView report = reports.one(id);
        numberReads.record(withNumbers(List.of(report)), identity.getPrincipal().getName(),
                CallbackNumberRead.Action.READ_REPORT, "119 신고 상세 조회");
        return report;
    }

    /** The reports whose answer carries a call-back number in full: a read of personal data, logged. */
    public static List<UUID> withNumbers(List<ReportView> answered) {
        return answered.stream().filter(r -> r.reporterPhone() != null).map(ReportView::reportId).toList();
    }
}

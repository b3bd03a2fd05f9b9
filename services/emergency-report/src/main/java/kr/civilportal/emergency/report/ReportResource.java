package kr.civilportal.emergency.report;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Reports to 119: anyone submits (no login: a phone number is enough), dispatchers read. */
@Path(ReportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String PATH = "/api/emergency/v1/reports";

    @Inject
    EmergencyReports reports;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an emergency to 119 (119 신고)",
            description = "No login needed; a token, if sent, is not checked, so an expired one never blocks a "
                    + "report. The report is stored before the answer; the call-back number comes back masked.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors[].field); nothing stored")
    public RestResponse<ReportReceipt> submit(@Valid ReportRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON report is required as the body.",
                    "신고 내용을 JSON 본문으로 보내 주세요.");
        }
        ReportReceipt receipt = reports.receive(request);
        return RestResponse.ResponseBuilder.<ReportReceipt>created(URI.create(PATH + "/" + receipt.reportId()))
                .entity(receipt).build();
    }

    @GET
    @RolesAllowed("dispatcher")
    @Operation(summary = "Reports, newest first (신고 목록)",
            description = "For dispatchers: paged from page 0, optionally by status; call-back numbers unmasked.")
    public ReportPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                           @QueryParam("status") @Pattern(regexp = "RECEIVED|ACKNOWLEDGED|DISPATCHED|CLOSED",
                                   message = "must be one of RECEIVED, ACKNOWLEDGED, DISPATCHED, CLOSED")
                           String status) {
        return reports.list(page, size, status == null ? null : ReportStatus.valueOf(status));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("dispatcher")
    @Operation(summary = "One report (신고 상세)", description = "For dispatchers; the call-back number unmasked.")
    @APIResponse(responseCode = "404", description = "No such report")
    public ReportView one(@PathParam("id") UUID id) {
        return reports.one(id);
    }
}

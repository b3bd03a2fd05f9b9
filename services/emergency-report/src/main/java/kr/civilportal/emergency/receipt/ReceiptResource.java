package kr.civilportal.emergency.receipt;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.emergency.attachment.IncomingFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The reporter's follow-up (신고 처리 현황, 추가 첨부), without login: the receipt token from the report's
 * answer is the key, sent as a header so it never lands in an access log's URL.
 */
@Path(ReceiptResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Receipts", description = "The reporter's follow-up with the receipt token, without login (처리 현황)")
public class ReceiptResource {

    static final String PATH = "/api/emergency/v1/receipts";

    @Inject
    ReporterReceipts receipts;

    @GET
    @Path("{reportId}")
    @Operation(operationId = "getReceiptStatus", summary = "Follow a report with its receipt token (처리 현황)",
            description = "No login: the receipt token given with the report, in its header, is the reporter's "
                    + "proof. Answers where the report stands and when each step happened, with the call-back number masked; "
                    + "never the dispatchers' notes nor who acted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReceiptStatus.class)))
    @APIResponse(responseCode = "404", description = "No report with this id and token (the two are not told apart)")
    public ReceiptStatus status(@PathParam("reportId") UUID reportId,
                                @Parameter(in = ParameterIn.HEADER, required = true)
                                @RestHeader(ReceiptToken.HEADER) String token) {
        return receipts.status(reportId, token);
    }

    @POST
    @Path("{reportId}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "addReceiptAttachments", summary = "Add photos or videos to a report (추가 첨부)",
            description = "Parts 'attachments', screened like those sent with the report: a bad file is left out "
                    + "with a warning. Optional Idempotency-Key: a retry gets the first answer (also while the first "
                    + "is still being written: it waits for it) and adds no file twice.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AttachmentAddition.class)))
    @APIResponse(responseCode = "400", description = "No file sent (a field error on attachments). A malformed "
            + "Idempotency-Key is not refused: the files are added without it.")
    @APIResponse(responseCode = "404", description = "No report with this id and token")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:idempotency-request-in-progress, only if "
            + "the first request with this Idempotency-Key is still being written after 30 s (a retry waits until then)")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response addAttachments(@PathParam("reportId") UUID reportId,
                                   @RestHeader(ReceiptToken.HEADER) String token,
                                   @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                   @RestForm("attachments") List<FileUpload> files) {
        List<IncomingFile> incoming = files == null ? List.of() : files.stream()
                .map(f -> new IncomingFile(f.contentType(), f.size(), f.uploadedFile())).toList();
        return receipts.addAttachments(reportId, token, incoming, idempotencyKey,
                PATH + "/" + reportId + "/attachments").toResponse();
    }
}

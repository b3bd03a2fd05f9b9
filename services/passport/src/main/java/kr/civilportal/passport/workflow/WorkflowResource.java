package kr.civilportal.passport.workflow;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.supplement.SupplementAnswer;
import kr.civilportal.passport.supplement.Supplements;
import kr.civilportal.documents.UploadedDocumentCheck;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The officers' actions and the applicant's resubmission; the rules are {@link Workflow}'s. */
@Path("/api/passport/v1/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow", description = "An application's steps: the officers' decisions and the applicant's resubmission (처리 상태)")
public class WorkflowResource {

    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Workflow workflow;

    @Inject
    IdempotentWrites writes;

    @Inject
    Supplements supplements;

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.OFFICER)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "start the review", value = "{\"to\":\"UNDER_REVIEW\",\"from\":\"SUBMITTED\"}"),
            @ExampleObject(name = "ask for a new photo", value = "{\"to\":\"SUPPLEMENT_REQUESTED\",\"from\":\"UNDER_REVIEW\",\"reason\":\"사진 규격 미달 (photo does not meet the rules)\",\"supplementDeadline\":\"2026-12-31\"}")}))
    @Operation(operationId = "changeApplicationStatus",
            summary = "Move an application to its next status (처리 상태 변경, 담당 공무원)",
            description = "UNDER_REVIEW, APPROVED, PRINTING, READY_FOR_PICKUP, ISSUED, REJECTED (with reason) or "
                    + "SUPPLEMENT_REQUESTED (with reason and supplementDeadline). Recorded in the history. With an "
                    + "Idempotency-Key a retry gets the first answer, not a 409 for a move already made. An application "
                    + "another officer holds answers 409 case-held naming them; one nobody holds becomes the caller's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, changed meanwhile, or held by another officer")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response transition(@PathParam("id") String id,
                               @Valid @NotNull(message = "is required (변경 내용이 없습니다)") TransitionRequest request,
                               @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        return writes.once(keyed(idempotencyKey, uri, request),
                () -> writes.json(OK, null, workflow.transition(caller(), identity.getPrincipal().getName(), applicationId, request)));
    }

    /** 보완 제출's JSON form: the optional text (at most 1000 characters; blank is none). */
    public record Resubmission(@Schema(maxLength = SupplementAnswer.ANSWER_LENGTH,
            examples = "새 사진을 올렸고 개명 사실이 담긴 기본증명서를 제출합니다") String answer) {
    }

    /**
     * The multipart form's Idempotency-Key fingerprint: the answer and each document's name, type and SHA-256 (not its
     * bytes: the fingerprint is kept for a day, and a digest tells the same file as well). Without documents it is the
     * JSON form's, and without text either the bodyless one's, so the same answer sent any way with one key is one
     * request.
     */
    record ResubmissionWithDocuments(String answer, List<DocumentFingerprint> documents) {
    }

    record DocumentFingerprint(String fileName, String mediaType, String sha256) {
    }

    private static final String RESUBMIT_SUMMARY = "Resubmit after a supplement request (보완 제출)";
    private static final String RESUBMIT_DESCRIPTION = "The applicant's answer to SUPPLEMENT_REQUESTED: the application "
            + "returns to UNDER_REVIEW. With no body (a new photo, PUT …/photo, may be the whole answer), with JSON "
            + "{\"answer\"}, or as multipart/form-data: part answer and zero to three parts documents. The text is optional "
            + "(blank is none), at most 1000 characters, else 400 naming answer. Documents: PDF, JPEG or PNG by their "
            + "bytes (a PDF PDFBox opens, not encrypted; an image ImageIO reads), each at most 2 MB, not empty, the part's "
            + "type that of the bytes (portal.passport.supplement-documents.*): else 400 naming documents (more than "
            + "three) or documents[i] (0-based). 409 when no supplement is asked; another's application 404. On any 4xx "
            + "nothing is stored and the status does not move. The single view lists each request's answer in "
            + "supplements; documents are downloaded from supplement-documents/{documentId}.";

    @POST
    @Path("/resubmission")
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(operationId = "resubmitPassportApplication", summary = RESUBMIT_SUMMARY,
            description = RESUBMIT_DESCRIPTION)
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resubmission.class),
                    examples = @ExampleObject(name = "answer", value = "{\"answer\":\"새 사진을 올렸습니다\"}")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ResubmissionForm.class)),
            // What many HTTP clients label a POST without a body: the bodyless resubmission; a field in it is ignored.
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
                    description = "Empty: the resubmission without text or documents", maxProperties = 0))})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed naming answer, "
            + "documents or documents[i]: nothing stored")
    @APIResponse(responseCode = "404", description = "No such application of the caller's")
    @APIResponse(responseCode = "409", description = "No supplement was requested")
    @APIResponse(responseCode = "413", description = "urn:civilportal:problem:content-too-large: a body over the limit")
    @Transactional
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response resubmit(@PathParam("id") String id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        return resubmitted(id, null, List.of(), idempotencyKey, uri);
    }

    @POST
    @Path("/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.CITIZEN)
    // The OpenAPI document shows the three forms as one operation (one path and method, an optional body of two types).
    @Operation(operationId = "resubmitPassportApplication", summary = RESUBMIT_SUMMARY,
            description = RESUBMIT_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @Transactional
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response resubmitWithAnswer(@PathParam("id") String id, Resubmission body,
                                       @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                       @Context UriInfo uri) {
        // An empty JSON body (a client that always sends the type) is the bodyless resubmission.
        return resubmitted(id, Supplements.answerText(body == null ? null : body.answer()), List.of(),
                idempotencyKey, uri);
    }

    /** The multipart form as the OpenAPI document shows it. */
    @Schema(name = "ResubmissionForm")
    public record ResubmissionForm(
            @Schema(maxLength = SupplementAnswer.ANSWER_LENGTH, description = "The answer's text, optional") String answer,
            @Schema(description = "Zero to three PDF, JPEG or PNG files, each at most 2 MB", maxItems = 3)
            List<FileUpload> documents) {
    }

    @POST
    @Path("/resubmission")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(operationId = "resubmitPassportApplication", summary = RESUBMIT_SUMMARY,
            description = RESUBMIT_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @Transactional
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response resubmitWithDocuments(@PathParam("id") String id, @RestForm("answer") String answer,
                                          @RestForm("documents") List<FileUpload> documents,
                                          @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                          @Context UriInfo uri) {
        String text = Supplements.answerText(answer);
        List<UploadedDocumentCheck.Checked> checked = supplements.checked(documents == null ? List.of()
                : documents.stream().map(d -> new UploadedDocumentCheck.Part(d.fileName(), d.contentType(), d.size(),
                        () -> Files.readAllBytes(d.uploadedFile()))).toList());
        return resubmitted(id, text, checked, idempotencyKey, uri);
    }

    private Response resubmitted(String id, String text, List<UploadedDocumentCheck.Checked> documents,
                                 String idempotencyKey, UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        Object fingerprinted = !documents.isEmpty()
                ? new ResubmissionWithDocuments(text, documents.stream().map(c -> new DocumentFingerprint(
                        c.fileName(), c.kind().mediaType, c.sha256())).toList())
                : text == null ? null : new Resubmission(text);
        return writes.once(keyed(idempotencyKey, uri, fingerprinted),
                () -> writes.json(OK, null, workflow.resubmit(caller(), applicationId, text, documents)));
    }

    private KeyedRequest keyed(String idempotencyKey, UriInfo uri, Object body) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), body);
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }
}

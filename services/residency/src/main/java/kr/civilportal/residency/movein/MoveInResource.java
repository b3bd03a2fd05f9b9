package kr.civilportal.residency.movein;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.documents.UploadedDocumentDownload;
import kr.civilportal.residency.ResidencySettings;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A citizen files a move-in report (전입신고) and follows its status. */
@Path(MoveInResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Move-ins", description = "The citizen's move-in reports (전입신고)")
public class MoveInResource {

    static final String PATH = "/api/residency/v1/move-ins";
    private static final int CREATED = 201;
    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    MoveIns moveIns;

    @Inject
    IdempotentWrites writes;

    @Inject
    ResidencySettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "fileMoveIn", summary = "File a move-in report (전입신고)",
            description = "Form a new household at an address, or ask to join an existing one (named by its head's "
                    + "number): a JOIN waits for the head's consent (AWAITING_HEAD), shows no address nor office before "
                    + "approval, and is answered alike whatever the number names. A new household's report names the "
                    + "office of its address that decides it (office, officeName; absent where no office covers it). "
                    + "With an Idempotency-Key a retry gets the first report back instead of a 409 for an open one. "
                    + "movers: the other members of my household moving with me (세대 전부/일부 전입), by the residentId "
                    + "GET /me lists: each once, of my household, not its head unless I am the head (else 400 naming "
                    + "movers); a head with members lists them all (else 409: 세대주 변경 first); anyone on another "
                    + "open report: 409. The view says moverCount and the movers by masked name. A new household's "
                    + "address must name exactly one address of the road-name register (GET /addresses), else 400 "
                    + "naming address and nothing is stored; it is stored as the register writes it, e.g. 서울특별시 "
                    + "종로구 세종대로 209 (세종로), 101동 1203호, with its postalCode and administrativeDong (행정동), "
                    + "whose office decides it where one is configured for the 행정동, else its 시·군·구's.")
    @APIResponse(responseCode = "201", description = "Filed (or the same key's report, replayed); Location names it",
            content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed naming the field: "
            + "e.g. address (not in the road-name register), movers, movedInOn")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: a report of mine (or of "
            + "someone moving with me) is still waiting for a decision, a head leaves members behind, or the same "
            + "Idempotency-Key's first filing is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another report")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "new household", value = "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\",\"movedInOn\":\"2026-11-20\"}"),
            @ExampleObject(name = "whole household (the head)", value = "{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"서울특별시 마포구 월드컵북로 396, 1502호\",\"movedInOn\":\"2026-11-20\",\"movers\":[\"5e0b7a52-1c1d-4c9e-9f00-000000000003\",\"5e0b7a52-1c1d-4c9e-9f00-000000000004\"]}"),
            @ExampleObject(name = "join a household", value = "{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"800101-1000008\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"2026-11-20\"}")}))
    public Response file(@Valid @NotNull MoveInRequest request,
                         @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID mover = Callers.residentId(token);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), moveIns.fingerprinted(request));
        return writes.once(keyed, () -> {
            MoveInView filed = moveIns.file(mover, request);
            return writes.json(CREATED, URI.create(PATH + "/" + filed.id()), filed);
        });
    }

    @GET
    @Operation(operationId = "listMyMoveIns",
            summary = "My move-in reports (내 전입신고)", description = "Newest first, with their status.")
    public List<MoveInView> mine() {
        return moveIns.of(Callers.residentId(token));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Transactional
    @Operation(operationId = "withdrawMoveIn", summary = "Withdraw one of my undecided move-in reports (취하)",
            description = "For instance a request to join a household that its head never answers. 409 if decided.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: already decided")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response withdraw(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        UUID mover = Callers.residentId(token);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), null);
        return writes.once(keyed, () -> writes.json(OK, null, moveIns.withdraw(mover, id)));
    }

    /** 보완 제출: the filer's answer to what was asked (as JSON: text only; with documents, multipart below). */
    public record SupplementAnswer(@NotBlank @Size(max = MoveInSupplement.ANSWER_LENGTH)
                                   @Schema(examples = "임대차계약서 사본을 주민센터에 제출했습니다") String answer) {
    }

    @POST
    @Path("/{id}/supplement-answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "answer", value = "{\"answer\":\"임대차계약서 사본을 주민센터에 제출했습니다\"}")}))
    @Operation(operationId = "answerMoveInSupplement", summary = "Answer the supplement asked of my move-in report (보완 제출)",
            description = "Until the end of the deadline's day (Korea). The report goes back to the officers "
                    + "(SUBMITTED, held by whoever held it) and its 처리기한 moves on by the time spent waiting. 400 "
                    + "naming answer (required, at most 1000 characters); 409 when no supplement is asked or its "
                    + "deadline has passed; another citizen's report: 404. As multipart/form-data (the same operation): "
                    + "part answer and zero to three parts documents (PDF, JPEG or PNG by their bytes, each at most "
                    + "2 MB, not empty, the part's type that of the bytes): else 400 naming documents (more than three) "
                    + "or documents[i] (0-based), and nothing is stored. Each round of the view lists its documents, "
                    + "downloaded from supplement-documents/{documentId}.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed naming answer, "
            + "documents or documents[i]")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: no supplement asked, or "
            + "past its deadline")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response answerSupplement(@PathParam("id") UUID id, @Valid @NotNull SupplementAnswer answer,
                                     @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                     @Context UriInfo uri) {
        UUID mover = Callers.residentId(token);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), answer);
        return writes.once(keyed, () -> writes.json(OK, null, moveIns.answerSupplement(mover, id, answer.answer())));
    }

    /**
     * The multipart form's Idempotency-Key fingerprint: the answer and each document's name, type and SHA-256 (not
     * its bytes: the fingerprint is kept for a day, and a digest tells the same file as well). Without documents it is
     * the JSON form's, so that the same answer sent either way with one key is one request.
     */
    record AnswerWithDocuments(String answer, List<DocumentFingerprint> documents) {
    }

    record DocumentFingerprint(String fileName, String mediaType, String sha256) {
    }

    @POST
    @Path("/{id}/supplement-answer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    // The OpenAPI document shows this and the JSON form as one operation (one path and method, two body types).
    @Operation(operationId = "answerMoveInSupplement",
            summary = "Answer the supplement asked of my move-in report with documents (보완 제출, 서류 첨부)",
            description = "The same answer as the JSON form, as multipart/form-data: part answer (text, required, at "
                    + "most 1000 characters) and zero to three parts documents (PDF, JPEG or PNG, each at most 2 MB, "
                    + "not empty: portal.residency.supplement-documents.*), checked by their bytes (a PDF PDFBox opens, "
                    + "not encrypted; an image ImageIO reads), the part's declared type matching. 400 naming documents "
                    + "(more than three) or documents[i] (0-based: empty, too large, not one of the types, or declared "
                    + "as another), and nothing is stored. The view lists each round's documents; they are downloaded "
                    + "from supplement-documents/{documentId}. Same 404/409 as the JSON form.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed naming answer, "
            + "documents or documents[i]")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: no supplement asked, or "
            + "past its deadline")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response answerSupplementWithDocuments(@PathParam("id") UUID id, @RestForm("answer") String answer,
                                                  @RestForm("documents") List<FileUpload> documents,
                                                  @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                                  @Context UriInfo uri) {
        UUID mover = Callers.residentId(token);
        String text = MoveInSupplementing.answerText(answer);
        ResidencySettings.SupplementDocuments limits = settings.supplementDocuments();
        List<UploadedDocumentCheck.Checked> checked = new UploadedDocumentCheck(limits.maxCount(),
                limits.maxBytes().asLongValue()).check(documents == null ? List.of()
                : documents.stream().map(d -> new UploadedDocumentCheck.Part(d.fileName(), d.contentType(),
                        d.size(), () -> java.nio.file.Files.readAllBytes(d.uploadedFile()))).toList());
        Object fingerprinted = checked.isEmpty() ? new SupplementAnswer(text)
                : new AnswerWithDocuments(text, checked.stream().map(c -> new DocumentFingerprint(c.fileName(),
                        c.kind().mediaType, c.sha256())).toList());
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), fingerprinted);
        return writes.once(keyed, () -> writes.json(OK, null, moveIns.answerSupplement(mover, id, text, checked)));
    }

    @GET
    @Path("/{id}/supplement-documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMyMoveInSupplementDocument",
            summary = "A document I sent with a supplement answer (보완 서류 내려받기)",
            description = "The bytes as sent, Content-Type the type they were found to be, as an attachment under its "
                    + "file name (Content-Disposition filename*), nosniff, no-store. Another citizen's report, or a "
                    + "document not of this report: 404.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "urn:civilportal:problem:not-found")
    public Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        MoveIns.DownloadedDocument document = moveIns.supplementDocumentForFiler(Callers.residentId(token), id,
                documentId);
        return UploadedDocumentDownload.of(document.bytes(), document.mediaType(), document.fileName());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyMoveIn", summary = "One of my move-in reports",
            description = "With its status; another citizen's report answers 404, as an unknown id does.")
    public MoveInView one(@PathParam("id") UUID id) {
        return moveIns.one(Callers.residentId(token), id);
    }
}

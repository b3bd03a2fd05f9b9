package kr.civilportal.citizen.verification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 진위확인: anyone checks a certificate's or an extract's issuance number, no login: a GET form, so the result has
 * an address (every document's QR code points here, {@code kind=extract} for extracts); or the PDF itself
 * ({@code /verify/document}: its signature and time stamp, checked by the service that issued it).
 */
@Path("/verify")
public class VerificationPage {

    private static final Map<String, String> FIELDS = Map.of("issuanceNumber", "number", "*", "number");
    private static final int TOO_MANY = 429;

    @CheckedTemplate(basePath = "verification", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance verify(String number, FormErrors errors, VerifiedNumber result, boolean notIssued,
                                              String kind);

        static native TemplateInstance document(FormErrors errors, DocumentVerification result, String kind);
    }

    /** Which service issued the document the citizen presents. */
    static final String CERTIFICATE = "certificate";
    static final String EXTRACT = "extract";
    private static final Map<String, String> DOCUMENT_FIELDS = Map.of("*", "document");
    private static final int NOT_GENUINE = 422;

    private final VerificationClient residency;
    private final ExtractVerificationClient land;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final long maxDocumentBytes;

    VerificationPage(@RestClient VerificationClient residency, @RestClient ExtractVerificationClient land,
                     ServiceCalls calls, PageContext ctx,
                     CitizenWebSettings settings) {
        this.residency = residency;
        this.land = land;
        this.calls = calls;
        this.ctx = ctx;
        this.maxDocumentBytes = settings.verification().maxDocumentSize().asLongValue();
    }

    /** 전자문서 진위확인: the PDF itself, checked by the service that issued it (signature, time stamp, number). */
    @GET
    @Path("/document")
    @Produces(MediaType.TEXT_HTML)
    public Response documentForm() {
        return Response.ok(Templates.document(new FormErrors(), null, CERTIFICATE)).build();
    }

    @POST
    @Path("/document")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response verifyDocument(@RestForm("document") FileUpload document, @RestForm String kind) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        FormErrors errors = new FormErrors();
        String chosen = EXTRACT.equals(kind) ? EXTRACT : CERTIFICATE;
        if (document == null || document.size() == 0) {
            errors.add("document", msg.verify_doc_err_missing());
        } else if (document.size() > maxDocumentBytes) {
            errors.add("document", msg.verify_doc_err_size());
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.document(errors, null, chosen)).build();
        }
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(document.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DocumentVerification result = calls.call(() -> EXTRACT.equals(chosen)
                    ? land.verifyDocument(pdf) : residency.verifyDocument(pdf));
            return Response.ok(Templates.document(errors, result, chosen)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == TOO_MANY) {
                errors.add("document", msg.verify_too_many());
            } else if (e.status() == NOT_GENUINE) {
                errors.add("document", msg.verify_doc_not_genuine());
                errors.addProblem(e.problem(), DOCUMENT_FIELDS, ctx.english(), msg.verify_doc_not_genuine());
            } else {
                errors.addProblem(e.problem(), DOCUMENT_FIELDS, ctx.english(), msg.verify_doc_not_genuine());
            }
            return Response.status(e.status()).entity(Templates.document(errors, null, chosen)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(EXTRACT.equals(chosen) ? PortalService.LAND_REGISTRY : PortalService.RESIDENCY);
            return Response.status(503).entity(Templates.document(errors, null, chosen)).build();
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("number") String number, @QueryParam("asked") boolean asked,
                           @QueryParam("kind") String kind) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        FormErrors errors = new FormErrors();
        String chosen = EXTRACT.equals(kind) ? EXTRACT : CERTIFICATE;
        String entered = number == null ? "" : number.trim();
        if (number == null && !asked) {
            return Response.ok(Templates.verify(entered, errors, null, false, chosen)).build();
        }
        if (entered.isEmpty()) {
            errors.add("number", msg.verify_err_number());
            return Response.status(400).entity(Templates.verify(entered, errors, null, false, chosen)).build();
        }
        String normalised = entered.replace(" ", "");
        try {
            VerifiedNumber result = calls.call(() -> {
                if (EXTRACT.equals(chosen)) {
                    ExtractVerificationClient.ExtractNumberVerification e = land.verify(normalised);
                    return new VerifiedNumber(e.document(), e.issuedAt(), e.contentHash(), e.address(), e.content());
                }
                Verification c = residency.verify(normalised);
                return new VerifiedNumber(msg.certificateKind(c.kind()), c.issuedAt(), c.contentHash(), null,
                        c.content());
            });
            return Response.ok(Templates.verify(entered, errors, result, false, chosen)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                return Response.status(404).entity(Templates.verify(entered, errors, null, true, chosen)).build();
            }
            if (e.status() == TOO_MANY) {
                errors.add("number", msg.verify_too_many());
            } else {
                errors.addProblem(e.problem(), FIELDS, ctx.english(), msg.verify_not_issued());
            }
            return Response.status(e.status()).entity(Templates.verify(entered, errors, null, false, chosen)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(EXTRACT.equals(chosen) ? PortalService.LAND_REGISTRY : PortalService.RESIDENCY);
            return Response.status(503).entity(Templates.verify(entered, errors, null, false, chosen)).build();
        }
    }
}

package kr.civilportal.citizen.petitions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.citizen.movein.MoveIn;
import kr.civilportal.citizen.movein.MoveInClient;
import kr.civilportal.citizen.movein.SupplementDocuments;
import kr.civilportal.citizen.passport.PassportApplication;
import kr.civilportal.citizen.passport.PassportClient;
import kr.civilportal.citizen.passport.Payment;
import kr.civilportal.citizen.passport.PaymentMessages;
import kr.civilportal.citizen.report.FiledReports;
import kr.civilportal.citizen.report.HeldState;
import kr.civilportal.citizen.report.ReportAnswers;
import kr.civilportal.citizen.report.ReportPage;
import kr.civilportal.citizen.report.ReportStatus;
import kr.civilportal.web.api.PersonalDocumentDownload;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * 나의 민원: the citizen's petitions across the services, then the documents issued to them (certificates,
 * land-register extracts) with their downloads. Each section stands on its own, so one service being down shows a
 * panel in its section and the others still list theirs. 119 reports are listed when they were filed while signed
 * in (citizen-web remembers them: the 119 service ties no account to a report), each followed by its receipt.
 */
@Path("/my")
@Authenticated
public class DashboardPage {

    /** One service's part of the dashboard: its petitions, or why there are none to show. */
    public record Section(PortalService service, List<Petition> petitions, boolean unavailable) {

        /**
         * The id of this section's "unavailable" panel: one of its own, since two services may be down at once (one
         * id twice on a page is invalid HTML and confuses screen readers).
         */
        public String panelId() {
            return "unavailable-" + service.route();
        }
    }

    @CheckedTemplate(basePath = "petitions", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance dashboard(List<Section> sections, List<IssuedDocuments> documents,
                boolean filed);

        static native TemplateInstance passportDetail(Petition petition, boolean unavailable, boolean pickupReady,
                boolean submitted, String photoRefused, boolean photoReplaced, String photoKey,
                PassportApplication.StatusChange supplement, boolean resubmitted, ResubmitPart resubmit, FeePart fee,
                PassportApplication application);

        static native TemplateInstance moveInDetail(Petition petition, MoveIn report, boolean unavailable,
                MoveIn.Supplement supplement, boolean answered, String answerKey, String answer, FormErrors errors,
                DocumentLimits limits);
    }

    /**
     * The fee's part of a passport application's page: how it is paid ({@code payment}, null from an older passport),
     * whether it waits for the fee (결제 대기, with the 수수료 결제 form and its Idempotency-Key), whether the citizen
     * just came back from the provider's page, and why a payment could not be started, in words.
     */
    public record FeePart(Payment payment, boolean awaiting, String key, boolean returned, String error) {

        /** Back from the provider, and not paid. */
        public boolean notCompleted() {
            return returned && awaiting;
        }

        /** Back from the provider, and paid: 접수. */
        public boolean justPaid() {
            return returned && !awaiting && payment != null && payment.receipt();
        }
    }

    /** The service's limits on a 보완 answer's documents, as the form writes them next to the file input. */
    public record DocumentLimits(int maxCount, long megabytes) {
    }

    /**
     * The 보완 제출 form of a passport application's page: its Idempotency-Key, the text as typed (kept when passport
     * refuses), passport's refusals at their fields, and passport's limits on the documents.
     */
    public record ResubmitPart(String key, String answer, FormErrors errors, DocumentLimits limits) {
    }

    /** The query the provider's page sends the citizen back with: the page asks passport to check the payment. */
    public static final String PAYMENT_RETURNED = "returned";
    /** Passport's refusal to start a payment for an application that does not wait for its fee. */
    static final String PAYMENT_NOT_DUE = "payment-not-due";
    private static final Set<String> PAYMENT_PAGE_SCHEMES = Set.of("http", "https");

    /** Bytes in a megabyte, as the form gives the documents' size limit (2MB). */
    private static final long MEGABYTE = 1024L * 1024L;

    /** As residency takes it (보완 답변), and passport its optional text of a 보완 제출. */
    static final int SUPPLEMENT_ANSWER_MAX = 1000;

    private static final Logger LOG = Logger.getLogger(DashboardPage.class);

    private final String publicBaseUrl;
    private final DocumentLimits documentLimits;
    private final DocumentLimits passportDocumentLimits;
    private final MoveInClient residency;
    private final PassportClient passport;
    private final PetitionReads reads;
    private final FiledReports filedReports;
    private final ServiceCalls calls;
    private final PageContext ctx;

    DashboardPage(@RestClient MoveInClient residency, @RestClient PassportClient passport,
            @RestClient PetitionReads reads, FiledReports filedReports, ServiceCalls calls, PageContext ctx,
            CitizenWebSettings settings) {
        this.publicBaseUrl = withoutTrailingSlash(settings.payment().publicBaseUrl());
        this.documentLimits = limits(settings.supplementDocuments());
        this.passportDocumentLimits = limits(settings.passport().supplementDocuments());
        this.residency = residency;
        this.passport = passport;
        this.reads = reads;
        this.filedReports = filedReports;
        this.calls = calls;
        this.ctx = ctx;
    }

    private static DocumentLimits limits(CitizenWebSettings.SupplementDocuments limits) {
        return new DocumentLimits(limits.maxCount(), limits.maxSize().asLongValue() / MEGABYTE);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("filed") String filed) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        return Templates.dashboard(List.of(residencySection(msg), passportSection(msg), reportSection(msg)),
                List.of(certificatesIssued(msg), extractsIssued(msg)), filed != null);
    }

    @GET
    @Path("petitions/passport/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response passportDetail(@PathParam("id") UUID id, @QueryParam("submitted") boolean submitted,
            @QueryParam("photoRefused") String photoRefused, @QueryParam("photoReplaced") boolean photoReplaced,
            @QueryParam("resubmitted") boolean resubmitted, @QueryParam("payment") String payment) {
        boolean returned = PAYMENT_RETURNED.equals(payment);
        return passportPage(id, new Shown(submitted, photoRefused, photoReplaced, resubmitted, returned),
                UUID.randomUUID().toString(), null, newResubmit(), 200);
    }

    /**
     * 보완 제출: the applicant sends the application back to the officer (after a new photo, as asked), with text and
     * documents if they have any (docs/supplement-documents.md), under the form's Idempotency-Key (a resend is one
     * 보완 제출). With neither, passport is asked as it always was, with no body; with either, with its multipart
     * form. Text over {@value #SUPPLEMENT_ANSWER_MAX} characters is refused here without a call; passport's refusals
     * (a document it does not take, too many) are shown at their field with the text kept, its 409 (nothing asked
     * any more) as the page's message.
     */
    @POST
    @Path("petitions/passport/{id}/resubmission")
    @Produces(MediaType.TEXT_HTML)
    public Response resubmitPassport(@PathParam("id") UUID id, @RestForm String answer,
            @RestForm String idempotencyKey, @RestForm(SupplementDocuments.FIELD) List<FileUpload> documents) {
        String text = FormFields.trimmed(answer);
        String key = FormFields.orNew(idempotencyKey);
        FormErrors errors = new FormErrors();
        // Shown again after a refusal, the form has a key of its own: what it sends next is another 보완 제출.
        ResubmitPart typed = new ResubmitPart(UUID.randomUUID().toString(), text, errors, passportDocumentLimits);
        Shown none = new Shown(false, null, false, false, false);
        if (text.length() > SUPPLEMENT_ANSWER_MAX) {
            errors.add("answer", ctx.messages(PetitionMessages.class).passport_supplement_err_answer());
            return passportPage(id, none, UUID.randomUUID().toString(), null, typed,
                    Response.Status.BAD_REQUEST.getStatusCode());
        }
        List<FileUpload> chosen = SupplementDocuments.chosen(documents);
        return calls.submit(PortalService.PASSPORT, errors, SupplementDocuments.fieldNames(chosen.size()),
                ctx.messages(CitizenMessages.class).pass_err_failed(), () -> {
                    if (text.isEmpty() && chosen.isEmpty()) {
                        passport.resubmit(key, id);
                    } else {
                        passport.resubmitWithAnswer(key, id, SupplementDocuments.form(text, chosen));
                    }
                    return URI.create("/my/petitions/passport/" + id + "?resubmitted=true");
                }, status -> passportPage(id, none, UUID.randomUUID().toString(), null, typed, status));
    }

    /**
     * A document sent with one of the applicant's 보완 제출, fetched from passport with the citizen's token (at most
     * passport's 2 MB). Another's application or an unknown document is the page's 404; passport silent its 503.
     */
    @GET
    @Path("petitions/passport/{id}/supplement-documents/{documentId}")
    public Response passportSupplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        try (Response upstream = calls.call(() -> passport.supplementDocument(id, documentId))) {
            return PersonalDocumentDownload.of(upstream);
        } catch (ServiceRefusedException e) {
            return passportPageMissing(Response.Status.NOT_FOUND.getStatusCode());
        } catch (ServiceUnavailableException e) {
            return passportPageMissing(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
    }

    private ResubmitPart newResubmit() {
        return new ResubmitPart(UUID.randomUUID().toString(), "", new FormErrors(), passportDocumentLimits);
    }

    /** The application's page when it cannot be shown: not the citizen's (404) or passport silent (503). */
    private Response passportPageMissing(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.passportDetail(null,
                status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), false, false, null, false,
                UUID.randomUUID().toString(), null, false, newResubmit(), null, null)).build();
    }

    /**
     * 수수료 결제: passport starts the payment at the provider (with the form's Idempotency-Key, so a double click is
     * one payment) and names the provider's page, where the browser is sent (303), only if it is an absolute http(s)
     * address. Refused (not waiting for its fee any more, a bad return address) or unanswered (passport or the
     * provider down), the page shows where the application stands and why, in words, with the same form and key.
     */
    @POST
    @Path("petitions/passport/{id}/payment")
    @Produces(MediaType.TEXT_HTML)
    public Response startPayment(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        PaymentMessages fee = ctx.messages(PaymentMessages.class);
        String key = FormFields.orNew(idempotencyKey);
        String returnUrl = publicBaseUrl + "/my/petitions/passport/" + id + "?payment=" + PAYMENT_RETURNED;
        Shown none = new Shown(false, null, false, false, false);
        try {
            PassportClient.PaymentStarted started = calls.call(() -> passport.startPayment(key, id,
                    new PassportClient.PaymentRequest(returnUrl)));
            Optional<URI> next = paymentPage(started.nextUrl());
            if (next.isEmpty()) {
                LOG.warnf("Passport named no usable payment page for application %s; the citizen is not sent there", id);
                return passportPage(id, none, key, fee.err_next_url(), newResubmit(),
                        Response.Status.BAD_GATEWAY.getStatusCode());
            }
            return Response.seeOther(next.get()).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == Response.Status.NOT_FOUND.getStatusCode()) {
                return passportPage(id, none, key, null, newResubmit(), e.status());
            }
            String detail = e.problem().is(PAYMENT_NOT_DUE) ? fee.err_not_due() : e.problem().detail(ctx.english());
            return passportPage(id, none, key, detail.isBlank() ? fee.err_refused() : detail, newResubmit(),
                    e.status());
        } catch (ServiceUnavailableException e) {
            return passportPage(id, none, key, fee.err_unavailable(), newResubmit(),
                    Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
    }

    /** The provider's page passport named, if it is an absolute http(s) address with a host; else none. */
    static Optional<URI> paymentPage(String nextUrl) {
        if (nextUrl == null || nextUrl.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(nextUrl);
            return uri.isAbsolute() && uri.getScheme() != null
                    && PAYMENT_PAGE_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** What the application's page says besides the application: what was just done. */
    private record Shown(boolean submitted, String photoRefused, boolean photoReplaced, boolean resubmitted,
            boolean returned) {
    }

    /**
     * The application's page. Back from the provider's page ({@code returned}), passport is asked to check the
     * payment first (it asks the provider and applies what it says, then answers the application), so the page
     * shows it paid (접수, the receipt) or still waiting, never what the redirect claimed.
     */
    private Response passportPage(UUID id, Shown shown, String payKey, String payError, ResubmitPart resubmit,
            int status) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        String photoKey = UUID.randomUUID().toString();
        try {
            PassportApplication application = calls.call(() -> shown.returned() ? passport.checkPayment(id)
                    : passport.application(id));
            FeePart fee = new FeePart(application.payment(), application.awaitingPayment(), payKey, shown.returned(),
                    payError);
            return Response.status(status).entity(Templates.passportDetail(Petitions.of(application, msg), false,
                    application.readyForPickup(), shown.submitted(), shown.photoRefused(), shown.photoReplaced(),
                    photoKey, application.supplementAsked().orElse(null), shown.resubmitted(), resubmit, fee,
                    application))
                    .build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.passportDetail(null, false, false, false, null, false, photoKey,
                    null, false, resubmit, null, null)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.passportDetail(null, true, false, false, null, false, photoKey,
                    null, false, resubmit, null, null)).build();
        }
    }

    /**
     * A move-in report's own page: where it stands, its history, and while the officer waits for the citizen (보완요청)
     * what is asked and until when, with the form to answer it.
     */
    @GET
    @Path("petitions/move-in/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response moveInDetail(@PathParam("id") UUID id, @QueryParam("answered") boolean answered) {
        return moveInPage(id, answered, "", new FormErrors(), 200);
    }

    /**
     * 보완 제출: the citizen's answer, with the documents chosen (보완 서류, docs/supplement-documents.md), goes to
     * residency with the form's Idempotency-Key (a resend is one answer), and the report is back with the officer.
     * Without an answer, or with more than {@value #SUPPLEMENT_ANSWER_MAX} characters, nothing is sent; residency's
     * refusals (a document it does not take, past the deadline, nothing asked any more) are shown on the page in its
     * words, a document's at the file input, with the text typed kept. Without documents the answer goes as JSON,
     * as it always has; with some as multipart, residency's form for them.
     */
    @POST
    @Path("petitions/move-in/{id}/supplement-answer")
    @Produces(MediaType.TEXT_HTML)
    public Response answerSupplement(@PathParam("id") UUID id, @RestForm String answer,
            @RestForm String idempotencyKey,
            @RestForm(SupplementDocuments.FIELD) List<FileUpload> documents) {
        String text = FormFields.trimmed(answer);
        FormErrors errors = new FormErrors();
        if (text.isEmpty() || text.length() > SUPPLEMENT_ANSWER_MAX) {
            errors.add("answer", ctx.messages(PetitionMessages.class).movein_supplement_err_answer());
            return moveInPage(id, false, text, errors, 400);
        }
        List<FileUpload> chosen = SupplementDocuments.chosen(documents);
        String key = FormFields.orNew(idempotencyKey);
        return calls.submit(PortalService.RESIDENCY, errors, SupplementDocuments.fieldNames(chosen.size()),
                ctx.messages(CitizenMessages.class).movein_err_failed(), () -> {
                    if (chosen.isEmpty()) {
                        residency.answerSupplement(key, id, new MoveInClient.SupplementAnswer(text));
                    } else {
                        residency.answerSupplementWithDocuments(key, id, SupplementDocuments.form(text, chosen));
                    }
                    return URI.create("/my/petitions/move-in/" + id + "?answered=true");
                }, status -> moveInPage(id, false, text, errors, status));
    }

    /**
     * A document sent with one of the citizen's 보완 answers, fetched from residency with the citizen's token (at most
     * residency's 2 MB). Another's report or an unknown document is the page's 404; residency silent its 503.
     */
    @GET
    @Path("petitions/move-in/{id}/supplement-documents/{documentId}")
    public Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        try (Response upstream = calls.call(() -> residency.supplementDocument(id, documentId))) {
            return PersonalDocumentDownload.of(upstream);
        } catch (ServiceRefusedException e) {
            return moveInPageMissing(Response.Status.NOT_FOUND.getStatusCode());
        } catch (ServiceUnavailableException e) {
            return moveInPageMissing(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
    }

    /** The report's page when it cannot be shown: not the citizen's (404) or residency silent (503). */
    private Response moveInPageMissing(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.moveInDetail(null, null,
                status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), null, false,
                UUID.randomUUID().toString(), "", new FormErrors(), documentLimits)).build();
    }

    private Response moveInPage(UUID id, boolean answered, String typed, FormErrors errors, int status) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        String key = UUID.randomUUID().toString();
        try {
            MoveIn m = calls.call(() -> residency.one(id));
            return Response.status(status).entity(Templates.moveInDetail(Petitions.of(m, msg,
                    ctx.messages(PetitionMessages.class)), m, false, m.supplementAsked(), answered, key, typed, errors,
                    documentLimits))
                    .build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.moveInDetail(null, null, false, null, false, key, typed, errors,
                    documentLimits))
                    .build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.moveInDetail(null, null, true, null, false, key, typed, errors,
                    documentLimits))
                    .build();
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Section residencySection(CitizenMessages msg) {
        try {
            List<MoveIn> moveIns = calls.call(residency::mine);
            PetitionMessages petition = ctx.messages(PetitionMessages.class);
            return new Section(PortalService.RESIDENCY, moveIns.stream().map(m -> Petitions.of(m, msg, petition))
                    .toList(), false);
        } catch (ServiceUnavailableException e) {
            return new Section(PortalService.RESIDENCY, List.of(), true);
        }
    }

    private Section passportSection(CitizenMessages msg) {
        try {
            List<Petition> petitions = new ArrayList<>();
            for (PassportApplication a : calls.call(passport::mine)) {
                // The list carries no history; each application's own read does (a citizen has a handful). One
                // gone between the list and its read (404) is still listed, without its history, rather than
                // failing the page; any other refusal (a login that ran out) is the page's to answer.
                PassportApplication read;
                try {
                    read = calls.call(() -> passport.application(a.id()));
                } catch (ServiceRefusedException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    read = a;
                }
                petitions.add(Petitions.of(read, msg));
            }
            return new Section(PortalService.PASSPORT, petitions, false);
        } catch (ServiceUnavailableException e) {
            return new Section(PortalService.PASSPORT, List.of(), true);
        }
    }

    private Section reportSection(CitizenMessages msg) {
        String subject = ctx.subject();
        try {
            List<Petition> petitions = new ArrayList<>();
            for (FiledReports.Filed report : filedReports.of(subject)) {
                followed(subject, report, msg).ifPresent(petitions::add);
            }
            return new Section(PortalService.EMERGENCY_REPORT, petitions, false);
        } catch (FiledReports.UnavailableException | ServiceUnavailableException e) {
            return new Section(PortalService.EMERGENCY_REPORT, List.of(), true);
        }
    }

    /** A filed report as its receipt shows it; one the relay still holds, as received; one 119 no longer has, none. */
    private Optional<Petition> followed(String subject, FiledReports.Filed report, CitizenMessages msg) {
        try {
            if (!report.held()) {
                return Optional.of(byReceipt(report, msg));
            }
            ReportAnswers.Held held = calls.call(() -> reads.relay(report.id().toString(), report.token()));
            ReportAnswers.Accepted receipt = held.receipt();
            if (held.state() != HeldState.DELIVERED || receipt == null || receipt.reportId() == null) {
                return Optional.of(Petitions.of(report, ReportStatus.RECEIVED, held.receivedAt(),
                        ReportPage.heldPath(report.id(), report.token()), msg));
            }
            filedReports.delivered(subject, report.id(), receipt);
            return Optional.of(byReceipt(new FiledReports.Filed(receipt.reportId(), false, report.category(),
                    receipt.receiptToken(), report.filedAt()), msg));
        } catch (ServiceRefusedException e) {
            return Optional.empty();
        }
    }

    private Petition byReceipt(FiledReports.Filed report, CitizenMessages msg) {
        ReportAnswers.Receipt receipt = calls.call(() -> reads.receipt(report.id().toString(), report.token()));
        return Petitions.of(report, receipt.status(), receipt.receivedAt(),
                ReportPage.receiptPath(report.id(), report.token()), msg);
    }

    private IssuedDocuments certificatesIssued(CitizenMessages msg) {
        return issued(PortalService.RESIDENCY, () -> calls.call(reads::certificates).stream()
                .map(c -> new IssuedDocuments.Entry(msg.certificateKind(c.kind()), c.issuanceNumber(), c.issuedAt(),
                        "/my/certificates/" + c.issuanceNumber() + "/pdf"))
                .toList());
    }

    private IssuedDocuments extractsIssued(CitizenMessages msg) {
        return issued(PortalService.LAND_REGISTRY, () -> calls.call(reads::extracts).stream()
                .map(e -> new IssuedDocuments.Entry(msg.dash_extract(e.address()), e.issuanceNumber(), e.issuedAt(),
                        "/my/land/extracts/" + e.issuanceNumber() + "/pdf"))
                .toList());
    }

    private static IssuedDocuments issued(PortalService service, Supplier<List<IssuedDocuments.Entry>> read) {
        try {
            return new IssuedDocuments(service, read.get(), false);
        } catch (ServiceRefusedException e) {
            // Refused to list: the account has nothing there to list (e.g. no resident record), not an outage.
            return new IssuedDocuments(service, List.of(), false);
        } catch (ServiceUnavailableException e) {
            return new IssuedDocuments(service, List.of(), true);
        }
    }
}

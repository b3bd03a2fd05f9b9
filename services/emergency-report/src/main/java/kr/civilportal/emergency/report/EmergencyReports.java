package kr.civilportal.emergency.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotencyStore;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.RequestFingerprint;
import kr.civilportal.common.idempotency.StoredResponse;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.emergency.EmergencyReportSettings;
import kr.civilportal.emergency.attachment.AttachmentLimits;
import kr.civilportal.emergency.attachment.AttachmentSummary;
import kr.civilportal.emergency.attachment.Attachments;
import kr.civilportal.emergency.attachment.IncomingFile;
import kr.civilportal.emergency.attachment.Screening;
import kr.civilportal.emergency.dispatch.BoardEvent;
import kr.civilportal.emergency.dispatch.BoardNotifications;
import kr.civilportal.emergency.dispatch.EventKind;
import kr.civilportal.emergency.dispatch.ReportEvent;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import kr.civilportal.emergency.receipt.ReceiptToken;
import org.jboss.logging.Logger;

/** Receives reports and shapes them for reporters (number masked) and dispatchers (number in the clear). */
@ApplicationScoped
public class EmergencyReports {

    /**
     * Reporters are anonymous: they share one scope, and their keys must be random UUIDs (see
     * {@link IdempotencyScope}). A token, even a valid one, is not used: it is not checked on this endpoint,
     * and an expiry between two retries would otherwise split them into two scopes.
     */
    static final String IDEMPOTENCY_SCOPE = IdempotencyScope.anonymous("emergency-report/reports");
    private static final Logger LOG = Logger.getLogger(EmergencyReports.class);
    /** Newest first; the id breaks ties so that paging never shows a report twice or skips one. */
    private static final Sort NEWEST_FIRST = Sort.descending("receivedAt", "id");

    private final PhoneCipher cipher;
    private final Attachments attachments;
    private final AttachmentLimits limits;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final BoardNotifications board;
    private final MeterRegistry metrics;

    EmergencyReports(PhoneCipher cipher, Attachments attachments, EmergencyReportSettings settings,
                     IdempotencyStore idempotency, ObjectMapper json, BoardNotifications board, MeterRegistry metrics) {
        this.cipher = cipher;
        this.attachments = attachments;
        this.limits = settings.attachments();
        this.idempotency = idempotency;
        this.json = json;
        this.board = board;
        this.metrics = metrics;
    }

    /**
     * Stores a validated report with the attachments that pass screening; the transaction commits before
     * this returns, so before the answer. With an Idempotency-Key, a repeat waits for the first to commit and
     * gets its receipt (see README: 119 waits rather than answering 409). Without a usable key the report is
     * still taken, with a warning: a person in an emergency is never refused for a header.
     */
    @Transactional
    public IdempotentResponse receive(ReportRequest request, List<IncomingFile> files, String keyHeader,
                                      String path) {
        List<ReportWarning> warnings = new ArrayList<>();
        Optional<IdempotencyKey> key = parseKey(keyHeader, warnings);
        Screening.Result screened = Screening.screen(files, limits, "attachments");
        warnings.addAll(screened.warnings());
        Supplier<StoredResponse> action = () -> store(request, screened.accepted(), warnings, path);
        if (key.isEmpty()) {
            return new IdempotentResponse(action.get(), false);
        }
        return idempotency.execute(IDEMPOTENCY_SCOPE, key.get(), fingerprint(request, files, path),
                InProgressPolicy.WAIT, action);
    }

    private StoredResponse store(ReportRequest request, List<Screening.Accepted> accepted,
                                 List<ReportWarning> warnings, String path) {
        PhoneNumber phone = request.reporterPhone() == null || request.reporterPhone().isBlank()
                ? null : PhoneNumber.parse(request.reporterPhone());
        Instant now = Instant.now();
        EmergencyReport report = EmergencyReport.received(UUID.randomUUID(), request.category(),
                request.description(), request.latitude(), request.longitude(), request.accuracyMeters(),
                blankToNull(request.address()), phone, now, cipher);
        String token = ReceiptToken.generate();
        report.receiptTokenHash = ReceiptToken.hash(token);
        report.persist();
        ReportEvent.of(report.id, EventKind.RECEIVED, report.receivedAt, null, null).persist();
        List<AttachmentSummary> stored = attachments.store(report.id, accepted, report.receivedAt);
        // Category and priority only: the description and address may name people, the number is theirs.
        LOG.infof("Report %s received: %s, priority %d, call-back number %s, %d attachment(s), %d warning(s)",
                report.id, report.category, report.priority, phone == null ? "none" : "given", stored.size(),
                warnings.size());
        metrics.counter("emergency.reports.received", "category", report.category.name()).increment();
        board.publish(BoardEvent.NEW, report.id);
        ReportReceipt receipt = new ReportReceipt(report.id, token, report.status, report.receivedAt,
                report.priority, phone == null ? null : phone.masked(), stored, List.copyOf(warnings));
        try {
            return new StoredResponse(201, MediaType.APPLICATION_JSON, path + "/" + report.id,
                    json.writeValueAsBytes(receipt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A receipt could not be written as JSON", e);
        }
    }

    private static Optional<IdempotencyKey> parseKey(String header, List<ReportWarning> warnings) {
        if (header == null) {
            warnings.add(new ReportWarning(IdempotencyKey.HEADER, "idempotency-key-missing",
                    "No Idempotency-Key header: the report is taken, but a retry of this request would make a "
                            + "second report. Send a random UUID as the key.",
                    "Idempotency-Key 헤더가 없어 재전송 시 중복 신고가 될 수 있습니다. 임의의 UUID를 보내 주세요."));
            return Optional.empty();
        }
        try {
            return IdempotencyKey.fromHeader(header);
        } catch (IllegalArgumentException e) {
            warnings.add(new ReportWarning(IdempotencyKey.HEADER, "idempotency-key-invalid",
                    e.getMessage() + " The report is taken without it.",
                    "Idempotency-Key 헤더 형식이 올바르지 않아 이 키 없이 접수했습니다."));
            return Optional.empty();
        }
    }

    /**
     * Method, path and a hash of the payload: the report as parsed (so whitespace or key order in the JSON do
     * not matter) followed by each file's bytes, in the order sent.
     */
    private String fingerprint(ReportRequest request, List<IncomingFile> files, String path) {
        MessageDigest body = RequestFingerprint.bodyDigest();
        try {
            body.update(json.writeValueAsBytes(request));
            for (IncomingFile f : files) {
                body.update((byte) 0);
                try (InputStream in = Files.newInputStream(f.path())) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        body.update(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded file could not be read", e);
        }
        return RequestFingerprint.ofBodyHash("POST", path, body.digest());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportPage list(int page, int size, ReportStatus status) {
        var query = status == null
                ? EmergencyReport.<EmergencyReport>findAll(NEWEST_FIRST)
                : EmergencyReport.<EmergencyReport>find("status = :status", NEWEST_FIRST,
                        Parameters.with("status", status));
        long total = query.count();
        List<EmergencyReport> rows = query.page(Page.of(page, size)).list();
        Map<UUID, List<AttachmentSummary>> files = attachments.summaries(rows.stream().map(r -> r.id).toList());
        var items = rows.stream().map(r -> view(r, files.getOrDefault(r.id, List.of()))).toList();
        return new ReportPage(items, page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportView one(UUID id) {
        return view(find(id));
    }

    /** The report or a 404. */
    public static EmergencyReport find(UUID id) {
        EmergencyReport report = EmergencyReport.findById(id);
        if (report == null) {
            throw ProblemException.notFound("No report with this id.", "해당 신고를 찾을 수 없습니다.");
        }
        return report;
    }

    /** The dispatcher's view of a report, with its attachments. */
    public ReportView view(EmergencyReport r) {
        return view(r, attachments.summaries(List.of(r.id)).getOrDefault(r.id, List.of()));
    }

    private ReportView view(EmergencyReport r, List<AttachmentSummary> files) {
        String phone;
        try {
            PhoneNumber number = r.reporterPhone(cipher);
            phone = number == null ? null : number.dialable();
        } catch (IllegalStateException e) {
            // One unreadable row (key removed, tampered) must not hide every other report from the board.
            LOG.errorf("The call-back number of report %s cannot be decrypted: %s", r.id, e.getMessage());
            phone = null;
        }
        return new ReportView(r.id, r.category, r.description, r.latitude, r.longitude, r.accuracyMeters,
                r.address, phone, r.status, r.priority, r.receivedAt, r.acknowledgedAt, r.acknowledgedBy,
                r.dispatchedAt, r.assignedUnit, r.closedAt, r.outcome, files);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

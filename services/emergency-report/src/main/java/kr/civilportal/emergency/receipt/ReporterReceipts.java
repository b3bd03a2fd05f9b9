package kr.civilportal.emergency.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
import kr.civilportal.emergency.report.EmergencyReport;
import org.jboss.logging.Logger;

/**
 * The reporter's side after the report: following its status and adding photos or videos, with nothing but
 * the receipt token. A wrong token and an unknown report get the same 404, so the endpoint tells a guesser
 * nothing, not even whether a report exists.
 */
@ApplicationScoped
public class ReporterReceipts {

    private static final Logger LOG = Logger.getLogger(ReporterReceipts.class);

    private final PhoneCipher cipher;
    private final Attachments attachments;
    private final AttachmentLimits limits;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final BoardNotifications board;

    ReporterReceipts(PhoneCipher cipher, Attachments attachments, EmergencyReportSettings settings,
                     IdempotencyStore idempotency, ObjectMapper json, BoardNotifications board) {
        this.cipher = cipher;
        this.attachments = attachments;
        this.limits = settings.attachments();
        this.idempotency = idempotency;
        this.json = json;
        this.board = board;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReceiptStatus status(UUID reportId, String token) {
        EmergencyReport r = authorised(reportId, token);
        String phone;
        try {
            PhoneNumber number = r.reporterPhone(cipher);
            phone = number == null ? null : number.masked();
        } catch (IllegalStateException e) {
            phone = null;
        }
        return new ReceiptStatus(r.id, r.status, r.receivedAt, r.acknowledgedAt, r.dispatchedAt, r.closedAt,
                r.outcome, phone, attachments.summaries(List.of(r.id)).getOrDefault(r.id, List.of()));
    }

    /**
     * Adds files to a report, screened like those sent with it. An Idempotency-Key is optional here and scoped
     * to the report (the token holder); a retry waits for the first and gets its answer.
     */
    @Transactional
    public IdempotentResponse addAttachments(UUID reportId, String token, List<IncomingFile> files, String keyHeader,
                                             String path) {
        EmergencyReport r = authorised(reportId, token);
        if (files.isEmpty()) {
            throw ProblemException.invalidField("attachments", "Send at least one file in 'attachments'.",
                    "첨부할 파일(attachments)을 하나 이상 보내 주세요.");
        }
        Screening.Result screened = Screening.screen(files, limits, "attachments");
        java.util.function.Supplier<StoredResponse> action = () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<AttachmentSummary> added = attachments.store(r.id, screened.accepted(), now);
            if (!added.isEmpty()) {
                ReportEvent.of(r.id, EventKind.ATTACHMENT_ADDED, now, null, added.size() + " file(s)").persist();
                board.publish(BoardEvent.UPDATED, r.id);
            }
            LOG.infof("Report %s: %d attachment(s) added by the reporter, %d left out", r.id, added.size(),
                    screened.warnings().size());
            try {
                return new StoredResponse(201, MediaType.APPLICATION_JSON, null,
                        json.writeValueAsBytes(new AttachmentAddition(r.id, added, screened.warnings())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
        IdempotencyKey key;
        try {
            key = IdempotencyKey.fromHeader(keyHeader).orElse(null);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null) {
            return new IdempotentResponse(action.get(), false);
        }
        var digest = RequestFingerprint.bodyDigest();
        for (IncomingFile f : files) {
            digest.update((byte) 0);
            digest.update(f.bytes());
        }
        return idempotency.execute(IdempotencyScope.anonymous("emergency-report/receipt/" + r.id), key,
                RequestFingerprint.ofBodyHash("POST", path, digest.digest()), InProgressPolicy.WAIT, action);
    }

    private static EmergencyReport authorised(UUID reportId, String token) {
        EmergencyReport r = EmergencyReport.findById(reportId);
        if (r == null || !ReceiptToken.matches(token, r.receiptTokenHash)) {
            throw ProblemException.notFound("No report with this id and receipt token.",
                    "접수 번호와 확인 토큰에 맞는 신고가 없습니다.");
        }
        return r;
    }
}

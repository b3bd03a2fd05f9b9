package kr.civilportal.emergency.report;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import org.jboss.logging.Logger;

/** Receives reports and shapes them for reporters (number masked) and dispatchers (number in the clear). */
@ApplicationScoped
public class EmergencyReports {

    private static final Logger LOG = Logger.getLogger(EmergencyReports.class);
    /** Newest first; the id breaks ties so that paging never shows a report twice or skips one. */
    private static final Sort NEWEST_FIRST = Sort.descending("receivedAt", "id");

    private final PhoneCipher cipher;

    EmergencyReports(PhoneCipher cipher) {
        this.cipher = cipher;
    }

    /** Stores a validated report; the transaction commits before this returns, so before the answer. */
    @Transactional
    public ReportReceipt receive(ReportRequest request) {
        PhoneNumber phone = request.reporterPhone() == null || request.reporterPhone().isBlank()
                ? null : PhoneNumber.parse(request.reporterPhone());
        EmergencyReport report = EmergencyReport.received(UUID.randomUUID(), request.category(),
                request.description(), request.latitude(), request.longitude(), request.accuracyMeters(),
                blankToNull(request.address()), phone, Instant.now(), cipher);
        report.persist();
        // Category and priority only: the description and address may name people, the number is theirs.
        LOG.infof("Report %s received: %s, priority %d, call-back number %s", report.id, report.category,
                report.priority, phone == null ? "none" : "given");
        return new ReportReceipt(report.id, report.status, report.receivedAt, report.priority,
                phone == null ? null : phone.masked());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportPage list(int page, int size, ReportStatus status) {
        var query = status == null
                ? EmergencyReport.<EmergencyReport>findAll(NEWEST_FIRST)
                : EmergencyReport.<EmergencyReport>find("status = :status", NEWEST_FIRST,
                        Parameters.with("status", status));
        long total = query.count();
        var items = query.page(Page.of(page, size)).list().stream().map(this::forDispatcher).toList();
        return new ReportPage(items, page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportView one(UUID id) {
        EmergencyReport report = EmergencyReport.findById(id);
        if (report == null) {
            throw ProblemException.notFound("No report with this id.", "해당 신고를 찾을 수 없습니다.");
        }
        return forDispatcher(report);
    }

    private ReportView forDispatcher(EmergencyReport r) {
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
                r.address, phone, r.status, r.priority, r.receivedAt);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

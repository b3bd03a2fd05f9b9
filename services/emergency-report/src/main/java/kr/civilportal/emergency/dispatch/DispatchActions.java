package kr.civilportal.emergency.dispatch;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.emergency.phone.CallbackNumberRead;
import kr.civilportal.emergency.phone.CallbackNumberReads;
import kr.civilportal.emergency.report.EmergencyReport;
import kr.civilportal.emergency.report.EmergencyReports;
import kr.civilportal.emergency.report.ReportResource;
import kr.civilportal.emergency.report.ReportStatus;
import kr.civilportal.emergency.report.ReportView;
import org.jboss.logging.Logger;

/**
 * The dispatcher's steps on a report (상황요원 처리): acknowledge, assign a unit, add notes, close with an
 * outcome. RECEIVED → ACKNOWLEDGED → DISPATCHED → CLOSED; a unit can be reassigned while dispatched; notes may
 * be added at any time. Each step locks the report's row, so two dispatchers acting at once are serialised
 * and the second one gets a 409 that says why, and each is written to the history with its time. Acknowledging,
 * assigning and closing also write their event for the reporter's text message ({@link ReportEvents}) in the
 * step's transaction, after every check: a refused step writes none.
 */
@ApplicationScoped
public class DispatchActions {

    private static final Logger LOG = Logger.getLogger(DispatchActions.class);

    private final EmergencyReports reports;
    private final AcknowledgementMetric metric;
    private final BoardNotifications board;
    private final CallbackNumberReads numberReads;
    private final ReportEvents events;

    DispatchActions(EmergencyReports reports, AcknowledgementMetric metric, BoardNotifications board,
            CallbackNumberReads numberReads, ReportEvents events) {
        this.reports = reports;
        this.metric = metric;
        this.board = board;
        this.numberReads = numberReads;
        this.events = events;
    }

    @Transactional
    public ReportView acknowledge(UUID id, String dispatcher) {
        EmergencyReport r = locked(id);
        if (r.status != ReportStatus.RECEIVED) {
            throw ProblemException.conflict("This report was already acknowledged" + by(r) + ".",
                    "이미 확인된 신고입니다.");
        }
        Instant now = now();
        r.status = ReportStatus.ACKNOWLEDGED;
        r.acknowledgedAt = now;
        r.acknowledgedBy = dispatcher;
        metric.record(r.category, Duration.between(r.receivedAt, now));
        events.acknowledged(r);
        return step(r, EventKind.ACKNOWLEDGED, now, dispatcher, null);
    }

    @Transactional
    public ReportView assign(UUID id, String unit, String dispatcher) {
        EmergencyReport r = locked(id);
        if (r.status == ReportStatus.RECEIVED) {
            throw ProblemException.conflict("Acknowledge the report before assigning a unit.",
                    "출동 지령 전에 신고를 확인해 주세요.");
        }
        if (r.status == ReportStatus.CLOSED) {
            throw ProblemException.conflict("This report is closed.", "종결된 신고입니다.");
        }
        Instant now = now();
        r.status = ReportStatus.DISPATCHED;
        if (r.dispatchedAt == null) {
            r.dispatchedAt = now;
        }
        r.assignedUnit = unit.strip();
        events.unitDispatched(r, r.assignedUnit);
        return step(r, EventKind.UNIT_ASSIGNED, now, dispatcher, r.assignedUnit);
    }

    @Transactional
    public ReportView note(UUID id, String text, String dispatcher) {
        EmergencyReport r = locked(id);
        return step(r, EventKind.NOTE, now(), dispatcher, text.strip());
    }

    @Transactional
    public ReportView close(UUID id, Outcome outcome, String note, String dispatcher) {
        EmergencyReport r = locked(id);
        if (r.status == ReportStatus.RECEIVED) {
            throw ProblemException.conflict("Acknowledge the report before closing it.", "종결 전에 신고를 확인해 주세요.");
        }
        if (r.status == ReportStatus.CLOSED) {
            throw ProblemException.conflict("This report is already closed.", "이미 종결된 신고입니다.");
        }
        Instant now = now();
        r.status = ReportStatus.CLOSED;
        r.closedAt = now;
        r.outcome = outcome;
        events.closed(r, outcome);
        String detail = note == null || note.isBlank() ? outcome.name() : outcome.name() + ": " + note.strip();
        return step(r, EventKind.CLOSED, now, dispatcher, detail);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventView> history(UUID id) {
        EmergencyReports.find(id);
        return ReportEvent.<ReportEvent>list("reportId", Sort.ascending("at", "id"), id).stream()
                .map(EventView::of).toList();
    }

    private ReportView step(EmergencyReport r, EventKind kind, Instant at, String actor, String detail) {
        ReportEvent.of(r.id, kind, at, actor, detail).persist();
        // Kind only: notes may name people.
        LOG.infof("Report %s: %s by %s", r.id, kind, actor);
        board.publish(BoardEvent.UPDATED, r.id);
        ReportView answer = reports.view(r);
        // The step's answer carries the report, call-back number included: logged in the step's transaction.
        numberReads.record(ReportResource.withNumbers(List.of(answer)), actor, CallbackNumberRead.Action.DISPATCH_STEP,
                "출동 지령 처리 (" + kind.name() + ")");
        return answer;
    }

    private static EmergencyReport locked(UUID id) {
        EmergencyReport r = EmergencyReport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("No report with this id.", "해당 신고를 찾을 수 없습니다.");
        }
        return r;
    }

    private static String by(EmergencyReport r) {
        return r.acknowledgedBy == null ? "" : " by " + r.acknowledgedBy;
    }

    /** Microseconds, what PostgreSQL keeps, so answers show exactly what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

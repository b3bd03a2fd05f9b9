package kr.civilportal.emergency.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;
import kr.civilportal.emergency.phone.CallbackSeal;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import kr.civilportal.emergency.report.EmergencyReport;
import org.jboss.logging.Logger;

/**
 * The dispatch steps a reporter is told of by text message (issue 20), written to the outbox in the step's
 * transaction (envelope and types in docs/events.md): a step refused or rolled back leaves no event.
 *
 * <p>A reporter may be anonymous, so there are no recipients: the way back is the call-back number, carried sealed
 * for the notification service ({@link CallbackSeal}) and never in clear. The data holds the report's id (the
 * 신고 번호 its reporter was given), the unit or the outcome; never the description, location or notes.
 */
@ApplicationScoped
public class ReportEvents {

    static final String SOURCE = "emergency-report";
    /** 확인: a dispatcher has the report in hand. Once per report: a second acknowledgement is refused. */
    public static final String ACKNOWLEDGED = "emergency-report.report.acknowledged";
    /** 출동: a unit is on its way; each (re)assignment is news, so each writes one. */
    public static final String UNIT_DISPATCHED = "emergency-report.report.unit-dispatched";
    /** 종결: with the outcome, not the dispatcher's note (it may name people). */
    public static final String CLOSED = "emergency-report.report.closed";

    private static final Logger LOG = Logger.getLogger(ReportEvents.class);

    private final Outbox outbox;
    private final PhoneCipher phones;
    private final CallbackSeal seal;
    private final Clock clock = Clock.systemUTC();

    ReportEvents(Outbox outbox, PhoneCipher phones, CallbackSeal seal) {
        this.outbox = outbox;
        this.phones = phones;
        this.seal = seal;
    }

    public void acknowledged(EmergencyReport r) {
        record(r, ACKNOWLEDGED, Map.of());
    }

    public void unitDispatched(EmergencyReport r, String unit) {
        record(r, UNIT_DISPATCHED, Map.of("unit", unit));
    }

    public void closed(EmergencyReport r, Outcome outcome) {
        record(r, CLOSED, Map.of("outcome", outcome.name()));
    }

    private void record(EmergencyReport r, String type, Map<String, Object> details) {
        String subject = r.id.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        // The reporter's receipt shows the whole id as the report's number (신고 번호): no shorter form exists.
        data.put("reference", subject);
        data.putAll(details);
        sealedCallback(r, subject).ifPresent(sealed -> data.put("callback",
                Map.of("keyId", sealed.keyId(), "sealed", sealed.sealed())));
        outbox.record(DomainEvent.now(clock, SOURCE, type, subject, List.of(), data));
    }

    /**
     * The number sealed for notification, or empty when the reporter left none, or when it cannot be opened or
     * sealed: the step must go through whatever happens here (119 never fails for a text message), so the event
     * goes without it, and the warning names the report, never the number.
     */
    private Optional<CallbackSeal.Sealed> sealedCallback(EmergencyReport r, String subject) {
        try {
            PhoneNumber number = r.reporterPhone(phones);
            return number == null ? Optional.empty() : Optional.of(seal.seal(number, subject));
        } catch (RuntimeException e) {
            LOG.warnf("Report %s: the call-back number could not be sealed for notification (%s); the event goes "
                    + "without it", subject, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

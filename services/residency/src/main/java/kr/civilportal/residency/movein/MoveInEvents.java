package kr.civilportal.residency.movein;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;
import kr.civilportal.common.time.KoreanTime;

/**
 * What happens to a move-in report, told to the citizens it concerns through the outbox (envelope and types in
 * docs/events.md), in the transaction that changes the report. The data holds a reference, the officer's reason and
 * a date; never a name, a registration number or the address.
 */
@ApplicationScoped
public class MoveInEvents {

    static final String SOURCE = "residency";
    /** 접수: filed; {@code dueOn} is the 처리기한 once the report waits for the office. */
    public static final String RECEIVED = "residency.move-in.received";
    /** 처리 완료: the filer and everyone who moved with them. */
    public static final String APPROVED = "residency.move-in.approved";
    /** 반려: by an officer, the head's refusal, or a supplement deadline passed; {@code reason} says which. */
    public static final String REJECTED = "residency.move-in.rejected";
    /** 보완요청: {@code reason} is what is missing, {@code dueOn} the deadline. */
    public static final String SUPPLEMENT_REQUESTED = "residency.move-in.supplement-requested";

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    MoveInEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void received(MoveInReport r) {
        Map<String, Object> data = reference(r);
        if (r.dueAt != null) {
            data.put("dueOn", r.dueAt.atZoneSameInstant(KoreanTime.ZONE).toLocalDate().toString());
        }
        record(r, RECEIVED, List.of(r.residentId), data);
    }

    void approved(MoveInReport r, List<UUID> coMovers) {
        List<UUID> told = new ArrayList<>();
        told.add(r.residentId);
        told.addAll(coMovers);
        record(r, APPROVED, told, reference(r));
    }

    void rejected(MoveInReport r) {
        Map<String, Object> data = reference(r);
        data.put("reason", r.rejectionReason);
        record(r, REJECTED, List.of(r.residentId), data);
    }

    void supplementRequested(MoveInReport r, String what, LocalDate deadline) {
        Map<String, Object> data = reference(r);
        data.put("reason", what.strip());
        data.put("dueOn", deadline.toString());
        record(r, SUPPLEMENT_REQUESTED, List.of(r.residentId), data);
    }

    /** The short reference a citizen reads in a message: the start of the report's id, as its page's address has. */
    private static Map<String, Object> reference(MoveInReport r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", r.id.toString().substring(0, 8));
        return data;
    }

    private void record(MoveInReport r, String type, List<UUID> recipients, Map<String, Object> data) {
        outbox.record(DomainEvent.now(clock, SOURCE, type, r.id.toString(), recipients, data));
    }
}

package kr.civilportal.land.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;
import kr.civilportal.land.owner.OwnerChangeCause;
import kr.civilportal.land.pnu.Pnu;

/**
 * What the land register tells citizens (issue 20), written to the outbox in the transaction of the change (envelope
 * and types in docs/events.md). An owner change is told to the owners recorded before it as well as to its filer:
 * it is the moment a fraudulent transfer can still be stopped (부동산 소유권 변동 알림). Events carry no names, only
 * a reference, the parcel's PNU (public, not an address of a person), a date and a cause.
 */
@ApplicationScoped
public class OwnerChangeEvents {

    static final String SOURCE = "land-registry";
    /** 소유권 변동 기록: by an officer directly or by approving a citizen's filing. */
    public static final String RECORDED = "land-registry.owner-change.recorded";
    /** 반려 of a citizen's owner-change filing, with the officer's reason. */
    public static final String REJECTED = "land-registry.owner-change.rejected";
    /** A filing's reference as its filer sees it: the first characters of its id, as the other services do. */
    static final int REFERENCE_LENGTH = 8;

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    OwnerChangeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The filing an owner change came from: whom to tell besides the previous owners, and under which key. */
    public record Filing(UUID id, UUID filerResidentId) {
    }

    /**
     * An owner change was appended as entry {@code seq} of the parcel's history. {@code previousOwners} are the
     * resident ids known of the owners recorded before it; {@code filing} is null for an officer's direct change.
     */
    public void recorded(Pnu pnu, int seq, LocalDate changedOn, OwnerChangeCause cause,
                         Collection<UUID> previousOwners, Filing filing) {
        // The filer first, then the previous owners, each once: a citizen may well be both.
        Set<UUID> recipients = new LinkedHashSet<>();
        if (filing != null && filing.filerResidentId() != null) {
            recipients.add(filing.filerResidentId());
        }
        recipients.addAll(previousOwners);
        String subject = filing != null ? filing.id().toString() : directSubject(pnu, seq);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", filing != null ? reference(filing.id()) : subject);
        data.put("parcel", pnu.value());
        data.put("changedOn", changedOn.toString());
        data.put("cause", cause.name());
        outbox.record(DomainEvent.now(clock, SOURCE, RECORDED, subject, List.copyOf(recipients), data));
    }

    /** An officer rejected a filing; its filer is told why (nobody, when their token carried no resident id). */
    public void rejected(UUID filingId, UUID filerResidentId, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference(filingId));
        data.put("reason", reason);
        List<UUID> recipients = filerResidentId == null ? List.of() : List.of(filerResidentId);
        outbox.record(DomainEvent.now(clock, SOURCE, REJECTED, filingId.toString(), recipients, data));
    }

    /** The key of a change an officer recorded directly: {@code <pnu>-<seq>}, digits and a hyphen. */
    static String directSubject(Pnu pnu, int seq) {
        return pnu.value() + "-" + seq;
    }

    static String reference(UUID filingId) {
        return filingId.toString().substring(0, REFERENCE_LENGTH);
    }
}

package kr.civilportal.residency.accesslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.audit.RecordRead;
import kr.civilportal.common.audit.RecordReads;

/**
 * Writes and lists the access log. Writing joins the caller's transaction, so a read that is logged and the
 * log entry stand or fall together: no record leaves the service without its entry.
 */
@ApplicationScoped
public class AccessLog {

    /** The role under which officials read records; the only role that can. */
    public static final String OFFICER_ROLE = "residency-officer";
    /** What every entry is a read of, as the auditor's list names it. */
    static final String RECORD = "RESIDENT_RECORD";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID residentId, String official, AccessLogEntry.Action action, String reason) {
        record(residentId, official, OFFICER_ROLE, action, reason);
    }

    /** A read under another role than an officer's, e.g. a service's identity check (who = its client id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID residentId, String official, String role, AccessLogEntry.Action action, String reason) {
        AccessLogEntry e = new AccessLogEntry();
        e.residentId = residentId;
        e.official = official;
        e.role = role;
        e.action = action;
        e.reason = reason;
        e.accessedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        e.persist();
    }

    /** Newest first, as the resident sees them. */
    @Transactional
    public List<AccessView> of(UUID residentId) {
        return AccessLogEntry.<AccessLogEntry>list("residentId = ?1 order by accessedAt desc, id desc", residentId)
                .stream().map(e -> new AccessView(e.accessedAt, e.official, e.role, e.action, e.reason)).toList();
    }

    /**
     * An auditor's search (열람 기록 감사): every entry in the search's days, by its official and of its resident
     * (by id) if they are named.
     */
    @Transactional
    public RecordReads search(ReadLogSearch search) {
        if (search.recordId() != null && search.recordUuid().isEmpty()) {
            // The console sends all four services the same id (a PNU, say): one that is no UUID names no record
            // here, so no reads rather than a 400 that would spoil the auditor's search of the other services.
            return RecordReads.of(List.of(), search);
        }
        String byOfficial = search.official() == null ? "" : " and official = :official";
        String byRecord = search.recordId() == null ? "" : " and e.residentId = :record";
        var query = AccessLogEntry.getEntityManager().createQuery("select e from AccessLogEntry e"
                + " where e.accessedAt >= :since and e.accessedAt < :until" + byOfficial + byRecord
                + " order by e.accessedAt desc, e.id desc", AccessLogEntry.class)
                .setParameter("since", search.since().atOffset(ZoneOffset.UTC))
                .setParameter("until", search.until().atOffset(ZoneOffset.UTC))
                .setMaxResults(search.fetch());
        if (search.official() != null) {
            query.setParameter("official", search.official());
        }
        if (search.recordId() != null) {
            query.setParameter("record", search.recordUuid().orElseThrow());
        }
        return RecordReads.of(query.getResultList().stream().map(e -> new RecordRead(RECORD, e.residentId.toString(),
                e.accessedAt.toInstant(), e.official, e.role, e.action.name(), e.reason)).toList(), search);
    }

    /** An entry as shown to the resident whose record was read. */
    public record AccessView(OffsetDateTime accessedAt, String official, String role, AccessLogEntry.Action action,
                             String reason) {
    }
}

package kr.civilportal.emergency.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.audit.RecordRead;
import kr.civilportal.common.audit.RecordReads;
import org.jboss.logging.Logger;

/**
 * The log of dispatchers' reads of call-back numbers (접속기록), and the auditor's search of it. Dispatchers see a
 * reporter's number in full because calling back is their work: an entry records what they were doing rather than
 * a typed reason (asking for one would slow an emergency), one per report whose number an answer carried.
 */
@ApplicationScoped
public class CallbackNumberReads {

    private static final Logger LOG = Logger.getLogger(CallbackNumberReads.class);
    /** The only role that sees call-back numbers in full. */
    public static final String DISPATCHER = "dispatcher";
    /** What every entry is a read of, as the auditor's list names it. */
    static final String AUDITED_RECORD = "CALLBACK_NUMBER";

    private final Clock clock = Clock.systemUTC();

    /**
     * Logs {@code official}'s read of the numbers of {@code reports}, in the caller's transaction if there is one
     * (a dispatch step's), else in its own: either way before the numbers are answered, so that a failed write
     * answers an error, never numbers without their entries.
     */
    @Transactional
    public void record(Collection<UUID> reports, String official, CallbackNumberRead.Action action, String purpose) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (UUID report : reports) {
            CallbackNumberRead read = new CallbackNumberRead();
            read.reportId = report;
            read.official = official;
            read.role = DISPATCHER;
            read.action = action;
            read.reason = purpose;
            read.readAt = now;
            read.persist();
        }
        if (!reports.isEmpty()) {
            LOG.debugf("Call-back numbers of %d report(s) read by %s (%s)", reports.size(), official, action);
        }
    }

    /**
     * An auditor's search (열람 기록 감사): every entry in the search's days, by its dispatcher and of its report
     * (by id) if they are named.
     */
    @Transactional
    public RecordReads search(ReadLogSearch search) {
        if (search.recordId() != null && search.recordUuid().isEmpty()) {
            // The console sends all four services the same id (a PNU, say): one that is no UUID names no record
            // here, so no reads rather than a 400 that would spoil the auditor's search of the other services.
            return RecordReads.of(List.of(), search);
        }
        String byOfficial = search.official() == null ? "" : " AND r.official = :official";
        String byRecord = search.recordId() == null ? "" : " AND r.reportId = :record";
        var query = CallbackNumberRead.getEntityManager().createQuery("SELECT r FROM CallbackNumberRead r"
                        + " WHERE r.readAt >= :since AND r.readAt < :until" + byOfficial + byRecord
                        + " ORDER BY r.readAt DESC, r.id DESC", CallbackNumberRead.class)
                .setParameter("since", search.since()).setParameter("until", search.until())
                .setMaxResults(search.fetch());
        if (search.official() != null) {
            query.setParameter("official", search.official());
        }
        if (search.recordId() != null) {
            query.setParameter("record", search.recordUuid().orElseThrow());
        }
        return RecordReads.of(query.getResultList().stream().map(r -> new RecordRead(AUDITED_RECORD,
                r.reportId.toString(), r.readAt, r.official, r.role, r.action.name(), r.reason)).toList(), search);
    }
}

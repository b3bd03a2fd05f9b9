package kr.civilportal.land.owner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.audit.RecordRead;
import kr.civilportal.common.audit.RecordReads;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The log of land officers' reads of owners' names (접속기록), and the auditor's search of it. Officers see names
 * in full as their work needs (a look-up, an extract): the entry records what they were doing rather than a
 * typed reason, as the 접속기록 of a personal-data system does. Everyone else sees names masked, which is no read.
 */
@ApplicationScoped
public class OwnerNameReads {

    /** The only role that sees owners' names in full. */
    public static final String LAND_OFFICER = "land-officer";
    /** What every entry is a read of, as the auditor's list names it. */
    static final String AUDITED_RECORD = "LAND_OWNERS";

    private final JsonWebToken token;
    private final Clock clock = Clock.systemUTC();

    OwnerNameReads(JsonWebToken token) {
        this.token = token;
    }

    /**
     * Logs the calling officer's read of the owners of {@code pnu}, in the caller's transaction if there is one
     * (an extract's), else in its own: either way before the names are answered, so that a failed write answers
     * an error, never names without their entry.
     */
    @Transactional
    public void record(String pnu, OwnerNameRead.Action action, String purpose) {
        OwnerNameRead read = new OwnerNameRead();
        read.pnu = pnu;
        read.official = userName(token);
        read.role = LAND_OFFICER;
        read.action = action;
        read.reason = purpose;
        read.readAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        read.persist();
    }

    /**
     * An auditor's search (열람 기록 감사): every entry in the search's days, by its officer and of its parcel (by
     * PNU, exactly) if they are named.
     */
    @Transactional
    public RecordReads search(ReadLogSearch search) {
        String byOfficial = search.official() == null ? "" : " AND r.official = :official";
        String byRecord = search.recordId() == null ? "" : " AND r.pnu = :record";
        var query = OwnerNameRead.getEntityManager().createQuery("SELECT r FROM OwnerNameRead r"
                        + " WHERE r.readAt >= :since AND r.readAt < :until" + byOfficial + byRecord
                        + " ORDER BY r.readAt DESC, r.id DESC", OwnerNameRead.class)
                .setParameter("since", search.since()).setParameter("until", search.until())
                .setMaxResults(search.fetch());
        if (search.official() != null) {
            query.setParameter("official", search.official());
        }
        if (search.recordId() != null) {
            query.setParameter("record", search.recordId());
        }
        return RecordReads.of(query.getResultList().stream().map(r -> new RecordRead(AUDITED_RECORD, r.pnu, r.readAt,
                r.official, r.role, r.action.name(), r.reason)).toList(), search);
    }

    /**
     * The caller's user name as officials and the read log name them: the token's {@code preferred_username}, or
     * its {@code sub} when it has none.
     */
    public static String userName(JsonWebToken token) {
        String name = token.getClaim("preferred_username");
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}

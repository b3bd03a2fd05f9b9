package kr.civilportal.residency.accesslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes and lists the access log. Writing joins the caller's transaction, so a read that is logged and the
 * log entry stand or fall together: no record leaves the service without its entry.
 */
@ApplicationScoped
public class AccessLog {

    /** The role under which officials read records; the only role that can. */
    public static final String OFFICER_ROLE = "residency-officer";

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

    /** An entry as shown to the resident whose record was read. */
    public record AccessView(OffsetDateTime accessedAt, String official, String role, AccessLogEntry.Action action,
                             String reason) {
    }
}

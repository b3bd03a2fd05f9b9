package kr.civilportal.passport.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.holder.CaseHolding;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.workflow.StatusChange;
import org.jboss.logging.Logger;

/**
 * The identity check of applicants against residency (본인 확인). Residency is asked right after a submission
 * and, while it cannot answer, again by {@link IdentityCheckJob} with growing pauses, until it confirms the
 * resident (VERIFIED) or says there is none (NEEDS_OFFICER, for an officer: never an automatic rejection).
 * An officer may also settle a check by hand. No database transaction is open while residency is called: the
 * application's row is claimed (its next attempt pushed a lease ahead, under {@code FOR UPDATE SKIP LOCKED}, so
 * two replicas never take the same one), released, and the outcome written in a short transaction of its own.
 */
@ApplicationScoped
public class IdentityChecks {

    /** The history's actor for the automatic check. */
    public static final String SYSTEM_ACTOR = "passport-service";
    public static final ProblemType SETTLED = new ProblemType("identity-check-settled", "Identity check settled", 409);
    private static final Logger LOG = Logger.getLogger(IdentityChecks.class);

    private static final int OK = 200;

    private final EntityManager em;
    private final Residency residency;
    private final IdempotentWrites writes;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final int batch;
    private final Clock clock = Clock.systemUTC();

    IdentityChecks(EntityManager em, Residency residency, IdempotentWrites writes,
                   PassportSettings settings) {
        this.em = em;
        this.residency = residency;
        this.writes = writes;
        PassportSettings.IdentityCheck check = settings.identityCheck();
        this.schedule = new RetrySchedule(check.retryBase(), check.retryMax());
        this.lease = check.lease();
        this.batch = check.batch();
    }

    /** How one call to residency ended. */
    enum Result { VERIFIED, NOT_REGISTERED, UNAVAILABLE, SKIPPED }

    /**
     * Right after a submission (its transaction committed): one short try ({@link Residency#quickIdentityOf}).
     * Whatever happens the application stays accepted; on failure the background job takes over.
     */
    public Result checkAfterSubmission(UUID applicationId) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(applicationId));
        return claim == null ? Result.SKIPPED : attempt(claim, true);
    }

    /**
     * One round of the background job: due pending checks, one at a time, up to the batch size. While residency
     * is down the circuit breaker fails the calls at once, so a round costs little and each application's own
     * backoff grows; residency is not flooded.
     *
     * @return how many checks were settled
     */
    public int runDue() {
        int settled = 0;
        for (int i = 0; i < batch; i++) {
            Claim claim = QuarkusTransaction.requiringNew().call(() -> claimNextDue(now()));
            if (claim == null) {
                break;
            }
            Result result = attempt(claim, false);
            if (result == Result.VERIFIED || result == Result.NOT_REGISTERED) {
                settled++;
            }
        }
        return settled;
    }

    /**
     * An officer settles the check by hand (담당자 본인 확인), with a note; recorded in the history. Once per
     * Idempotency-Key when the officer's client sends one: the settlement and the key's answer commit together.
     */
    public IdempotentResponse resolve(Caller officer, String officerName, UUID applicationId, Resolution outcome,
                                      String note, KeyedRequest keyed) {
        return QuarkusTransaction.requiringNew().call(() -> writes.execute(keyed, InProgressPolicy.REJECT,
                () -> writes.json(OK, null, settleByHand(officer, officerName, applicationId, outcome, note))));
    }

    private ApplicationView settleByHand(Caller officer, String officerName, UUID applicationId, Resolution outcome,
                                         String note) {
        PassportApplication a = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !officer.officer() || !officer.inJurisdiction(a)) {
            throw ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
        }
        if (!a.identityCheck.awaitsResolution()) {
            throw new ProblemException(SETTLED, "The identity check is already settled (" + a.identityCheck + ").",
                    "본인 확인이 이미 완료되었습니다 (" + a.identityCheck + ").");
        }
        CaseHolding.actingOn(a, officer.subject(), officerName, Instant.now().truncatedTo(ChronoUnit.MICROS));
        settle(a, outcome == Resolution.CONFIRMED ? IdentityCheck.CONFIRMED_BY_OFFICER
                : IdentityCheck.REFUTED_BY_OFFICER, officer.subject(), note, null);
        return a.view(StatusChange.historyOf(a.id));
    }

    private Result attempt(Claim claim, boolean citizenWaiting) {
        try {
            ResidentIdentity identity = citizenWaiting
                    ? residency.quickIdentityOf(claim.residentId(), claim.applicationId())
                    : residency.identityOf(claim.residentId(), claim.applicationId());
            return QuarkusTransaction.requiringNew().call(() -> record(claim.applicationId(), identity));
        } catch (ResidentNotRegistered e) {
            return QuarkusTransaction.requiringNew().call(() -> record(claim.applicationId(), null));
        } catch (RuntimeException e) {
            // Residency down or slow, Keycloak down for the client token, or the breaker open: try again later.
            LOG.warnf("Identity check of application %s is pending: residency could not be asked (%s)",
                    claim.applicationId(), e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> failed(claim.applicationId()));
            return Result.UNAVAILABLE;
        }
    }

    /** A pending application of this id, pushed a lease ahead so that the job leaves it alone meanwhile. */
    Claim claim(UUID applicationId) {
        PassportApplication a = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.identityCheck != IdentityCheck.PENDING || a.applicantResidentId == null) {
            return null;
        }
        a.identityNextAttemptAt = now().plus(lease);
        return new Claim(a.id, a.applicantResidentId);
    }

    /** The most overdue pending check at {@code now} that no other replica holds (SKIP LOCKED), leased to this one. */
    Claim claimNextDue(Instant now) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, applicant_resident_id FROM passport_application
                WHERE identity_check = 'PENDING' AND applicant_resident_id IS NOT NULL
                  AND status NOT IN ('ISSUED', 'REJECTED')
                  AND (identity_next_attempt_at IS NULL OR identity_next_attempt_at <= ?1)
                ORDER BY identity_next_attempt_at NULLS FIRST, submitted_at
                LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        UUID id = (UUID) row[0];
        em.createNativeQuery("UPDATE passport_application SET identity_next_attempt_at = ?1 WHERE id = ?2")
                .setParameter(1, OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC))
                .setParameter(2, id).executeUpdate();
        return new Claim(id, (UUID) row[1]);
    }

    /** Residency's answer: the identity (verified) or null (no such resident: for an officer). */
    Result record(UUID applicationId, ResidentIdentity identity) {
        PassportApplication a = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.identityCheck != IdentityCheck.PENDING) {
            return Result.SKIPPED; // an officer settled it meanwhile
        }
        if (identity != null) {
            settle(a, IdentityCheck.VERIFIED, SYSTEM_ACTOR, "주민등록 확인 완료 (residency confirmed the applicant)",
                    identity.birthDate());
            return Result.VERIFIED;
        }
        settle(a, IdentityCheck.NEEDS_OFFICER, SYSTEM_ACTOR,
                "주민등록에서 신청인을 찾을 수 없어 담당자 확인이 필요합니다 (residency has no such resident)", null);
        return Result.NOT_REGISTERED;
    }

    void failed(UUID applicationId) {
        PassportApplication a = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.identityCheck != IdentityCheck.PENDING) {
            return;
        }
        a.identityAttempts++;
        a.identityNextAttemptAt = schedule.nextAttempt(now(), a.identityAttempts);
    }

    private void settle(PassportApplication a, IdentityCheck outcome, String actor, String note,
                        java.time.LocalDate birthDate) {
        Instant now = now();
        a.identityCheck = outcome;
        a.identityCheckedAt = now;
        a.identityNextAttemptAt = null;
        if (birthDate != null) {
            a.applicantBirthDate = birthDate;
        }
        a.updatedAt = now;
        StatusChange.identity(a.id, a.status, outcome, actor, note, now);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** An application taken for one call to residency. */
    record Claim(UUID applicationId, UUID residentId) {
    }

    /** An officer's verdict. */
    public enum Resolution { CONFIRMED, REFUTED }
}

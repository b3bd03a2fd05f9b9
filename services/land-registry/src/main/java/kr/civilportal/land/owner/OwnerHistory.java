package kr.civilportal.land.owner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.events.OwnerChangeEvents;
import kr.civilportal.land.parcel.Parcel;
import kr.civilportal.land.parcel.ParcelCache;
import kr.civilportal.land.pnu.Pnu;
import org.jboss.logging.Logger;

/**
 * Records changes of owner. A change is appended to the parcel's history (never overwrites it), and every
 * replica's cached copy of the parcel is dropped: this one at once after the commit, the others through the
 * database notification sent in the same transaction (see {@link ParcelCache}).
 */
@ApplicationScoped
public class OwnerHistory {

    /** The cadastral survey (토지조사사업) that began land registration in Korea started in 1910. */
    static final LocalDate EARLIEST_CHANGE = LocalDate.of(1910, 1, 1);
    static final int MAX_DENOMINATOR = 1_000_000;
    private static final Logger LOG = Logger.getLogger(OwnerHistory.class);

    private static final int CREATED = 201;

    private final EntityManager em;
    private final ParcelCache cache;
    private final IdempotentWrites writes;
    private final OwnerChangeEvents events;
    private final Clock clock = Clock.systemUTC();

    OwnerHistory(EntityManager em, ParcelCache cache, IdempotentWrites writes, OwnerChangeEvents events) {
        this.em = em;
        this.cache = cache;
        this.writes = writes;
        this.events = events;
    }

    /**
     * Appends a change of owner to the parcel's history; {@code officer} is the recording account. Once per
     * Idempotency-Key when the officer's client sends one: the change and the key's answer ({@code 201} with
     * {@code location}) commit together, and a retry gets that answer without a second change.
     */
    public IdempotentResponse record(Pnu pnu, OwnerChangeRequest request, String officer, KeyedRequest keyed,
                                     URI location) {
        int[] share = check(request);
        AtomicReference<OwnerView> recorded = new AtomicReference<>();
        IdempotentResponse answer = QuarkusTransaction.requiringNew().call(() ->
                writes.execute(keyed, InProgressPolicy.REJECT, () -> {
                    recorded.set(append(pnu, request, share, officer, null, null));
                    return writes.json(CREATED, location, recorded.get());
                }));
        if (recorded.get() != null) {
            cache.invalidateHere(pnu);
            // The PNU is not personal data; the owner's name never goes to the log.
            LOG.infof("Owner change %d recorded on parcel %s (%s)", recorded.get().sequence(), pnu, request.cause());
        }
        return answer;
    }

    /**
     * What Bean Validation cannot check of a change: the share's value and the earliest date (400 field errors).
     * A citizen's owner-change request is checked with it when filed, so that its approval cannot fail on them.
     * Returns the share as {numerator, denominator}.
     */
    public static int[] check(OwnerChangeRequest request) {
        return check(request, "");
    }

    /**
     * As {@link #check(OwnerChangeRequest)}, for a change inside a larger body: the field errors name its path there
     * ({@code fieldPrefix} "change." gives {@code change.share}), as Bean Validation names the change's other fields.
     */
    public static int[] check(OwnerChangeRequest request, String fieldPrefix) {
        int[] share = share(request.share(), fieldPrefix);
        if (request.changedOn().isBefore(EARLIEST_CHANGE)) {
            throw ProblemException.invalidField(fieldPrefix + "changedOn", "cannot be before 1910-01-01",
                    "변동일자는 1910년 1월 1일 이후여야 합니다.");
        }
        return share;
    }

    /**
     * Appends a change in the caller's transaction (an approved owner-change request's, which commits with it).
     * The caller drops this replica's cached copy after the commit ({@link ParcelCache#invalidateHere}); the others
     * drop theirs on the notification sent here. {@code ownerResidentId} is the new owner's when known (a citizen
     * who filed for themself), {@code filing} the filing approved: its filer is told, and its id keys the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OwnerView appendInTransaction(Pnu pnu, OwnerChangeRequest request, String officer, UUID ownerResidentId,
                                         OwnerChangeEvents.Filing filing) {
        OwnerView appended = append(pnu, request, check(request), officer, ownerResidentId, filing);
        LOG.infof("Owner change %d recorded on parcel %s (%s), from an owner-change request", appended.sequence(), pnu,
                request.cause());
        return appended;
    }

    private OwnerView append(Pnu pnu, OwnerChangeRequest request, int[] share, String officer, UUID ownerResidentId,
                             OwnerChangeEvents.Filing filing) {
        // Locking the parcel row serialises officers recording on the same parcel, so each gets the next seq.
        Parcel parcel = em.find(Parcel.class, pnu.value(), LockModeType.PESSIMISTIC_WRITE);
        if (parcel == null) {
            throw ProblemException.notFound("No parcel with this number is on the land register.",
                    "해당 필지고유번호의 토지가 토지대장에 없습니다.");
        }
        Integer last = em.createQuery("select max(o.seq) from OwnerChange o where o.pnu = ?1", Integer.class)
                .setParameter(1, pnu.value()).getSingleResult();
        // Every owner recorded before, not only the current ones: a former owner may be the one defrauded.
        List<UUID> previousOwners = em.createQuery("select distinct o.ownerResidentId from OwnerChange o"
                        + " where o.pnu = ?1 and o.ownerResidentId is not null", UUID.class)
                .setParameter(1, pnu.value()).getResultList();
        OwnerChange change = new OwnerChange();
        change.pnu = pnu.value();
        change.ownerResidentId = ownerResidentId;
        change.seq = last == null ? 1 : last + 1;
        change.ownerName = request.ownerName().strip();
        change.shareNumerator = share[0];
        change.shareDenominator = share[1];
        change.changedOn = request.changedOn();
        change.cause = request.cause();
        // PostgreSQL keeps microseconds: truncate so that what is returned equals what is read back later.
        change.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        change.recordedBy = officer;
        change.persist();
        em.flush();
        events.recorded(pnu, change.seq, change.changedOn, change.cause, previousOwners, filing);
        cache.announceChange(pnu);
        return change.view();
    }

    /** {@code "1/2"} → {1, 2}; the format itself is checked by Bean Validation on the request. */
    static int[] share(String text, String fieldPrefix) {
        String[] parts = text.split("/");
        int numerator = Integer.parseInt(parts[0]);
        int denominator = Integer.parseInt(parts[1]);
        if (numerator > denominator || denominator > MAX_DENOMINATOR) {
            throw ProblemException.invalidField(fieldPrefix + "share", "must be a fraction from 1/" + MAX_DENOMINATOR + " to 1/1",
                    "지분은 1/1 이하의 분수로 적습니다.");
        }
        return new int[] {numerator, denominator};
    }
}

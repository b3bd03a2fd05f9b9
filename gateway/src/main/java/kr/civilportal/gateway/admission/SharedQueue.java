package kr.civilportal.gateway.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One route's shared queue as this replica sees it: the last snapshot read from the store (every tick), the
 * tickets let in whose pass is still valid, and the tickets polled here since the last flush. Every decision on
 * the request path is read from here, in memory, without the store: the event loop never waits on JDBC.
 * Plain (times passed in, on the store's clock), so the rules are tested without a store.
 *
 * <p>Admission is strictly in number order, so the waiting tickets are exactly the numbers above the mark: a
 * ticket's place is its number minus the mark. A number at or under the mark was let in (its pass is valid for
 * {@code passValidity}) or passed over.
 */
final class SharedQueue {

    /** What the store said at the last sync: the queue's id, the last number given, the mark. */
    record Snapshot(String epoch, long issued, long admittedThrough) {
    }

    private final long passValidityMillis;
    private volatile Snapshot snapshot;
    /**
     * How many requests this replica may have in flight before newcomers queue ({@link AdmissionRound#allowance});
     * 0 until its first claim is written.
     */
    private volatile int allowance;
    /** Numbers let in whose pass may still be valid, with when (store clock). */
    private final Map<Long, Long> admitted = new ConcurrentHashMap<>();
    /** Numbers whose holders asked here since the last flush to the store (they are still there). */
    private final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
    /** The highest mark whose admitted tickets are in {@link #admitted}: the next sync asks only for those above. */
    private volatile long knownThrough;

    SharedQueue(long passValidityMillis) {
        this.passValidityMillis = passValidityMillis;
    }

    /** The store's epoch (queue id), or null before the first sync. */
    String epoch() {
        Snapshot s = snapshot;
        return s == null ? null : s.epoch();
    }

    long knownThrough() {
        return knownThrough;
    }

    /**
     * Takes a new snapshot and the tickets let in since the last one ({@code newlyAdmitted}: number → time,
     * every admission in {@code (knownThrough, snapshot.admittedThrough]}); forgets passes that ran out.
     */
    void apply(Snapshot next, Map<Long, Long> newlyAdmitted, long now) {
        admitted.putAll(newlyAdmitted);
        admitted.values().removeIf(at -> at + passValidityMillis <= now);
        Snapshot previous = snapshot;
        // A ticket this replica has just issued may be newer than the snapshot: keep the higher count.
        long issued = previous == null || !previous.epoch().equals(next.epoch())
                ? next.issued() : Math.max(previous.issued(), next.issued());
        snapshot = new Snapshot(next.epoch(), issued, next.admittedThrough());
        knownThrough = next.admittedThrough();
    }

    int allowance() {
        return allowance;
    }

    /** Takes effect at once: a lower allowance before it is published, a higher one after (see AdmissionSync). */
    void allowance(int places) {
        allowance = places;
    }

    /** Numbers up to {@code last} have been issued (by this replica, just now). */
    void issued(long last) {
        Snapshot s = snapshot;
        if (s != null && last > s.issued()) {
            snapshot = new Snapshot(s.epoch(), last, s.admittedThrough());
        }
    }

    /**
     * Whether a request without a pass may go straight in: nobody waits (here or, as of the last sync, at any
     * replica) and this replica is under its share of the route's capacity.
     */
    boolean mayEnterDirectly(int inFlightHere, int ticketsBeingIssuedHere) {
        Snapshot s = snapshot;
        return s != null && s.issued() <= s.admittedThrough() && ticketsBeingIssuedHere == 0
                && inFlightHere < allowance;
    }

    /**
     * Where a number of this queue stands; asking counts as being still there (flushed at the next sync). Above
     * the mark of this replica's last snapshot it is waiting, unless the admitter let it in since (the snapshot is
     * up to one tick old): a request carrying it as a pass asks the store once.
     */
    TicketState status(long number, long now) {
        Snapshot s = snapshot;
        if (s == null) {
            return new TicketState.Waiting(1);
        }
        if (number <= s.admittedThrough()) {
            Long at = admitted.get(number);
            return at == null ? TicketState.GONE : TicketState.admitted(at, passValidityMillis, now);
        }
        seen.put(number, Boolean.TRUE);
        return new TicketState.Waiting(position(s, number));
    }

    /** A number the store says was let in at {@code admittedAt} (a pass checked with the store directly). */
    TicketState admittedByStore(long number, long admittedAt, long now) {
        admitted.put(number, admittedAt);
        return TicketState.admitted(admittedAt, passValidityMillis, now);
    }

    /** Its place in line: tickets are let in in number order, so the ones ahead are those above the mark. */
    int position(long number) {
        Snapshot s = snapshot;
        return s == null ? 1 : position(s, number);
    }

    private static int position(Snapshot s, long number) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, number - s.admittedThrough()));
    }

    /** Tickets waiting, on every replica, as of the last sync (and this replica's own issues since). */
    int waiting() {
        Snapshot s = snapshot;
        return s == null ? 0 : (int) Math.max(0, s.issued() - s.admittedThrough());
    }

    /** The numbers polled here since the last call, to be written to the store as still there. */
    List<Long> drainSeen() {
        List<Long> numbers = new ArrayList<>();
        for (Long n : seen.keySet()) {
            if (seen.remove(n) != null) {
                numbers.add(n);
            }
        }
        return numbers;
    }

    /** A flush that failed: its numbers are kept for the next one (holders stay in line across a store outage). */
    void reseen(List<Long> numbers) {
        numbers.forEach(n -> seen.put(n, Boolean.TRUE));
    }
}

package kr.civilportal.gateway.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One turn of the shared queue's admitter for one route: which waiting tickets are let in now. The same rules
 * as {@link RouteQueue#admit}, on the shared state: one replica at a time runs a round (under a PostgreSQL
 * advisory lock, {@link PgAdmissionStore}), so numbers are let in strictly in order and the rate is the route's
 * rate in total, whichever replica runs it. Plain: times are passed in (the database's clock), so the rules are
 * tested without a store.
 */
final class AdmissionRound {

    private AdmissionRound() {
    }

    /** A waiting ticket after the mark, and when its holder last asked (on any replica). */
    record Candidate(long number, long lastSeenAt) {
    }

    /**
     * What the round decided: the numbers let in and those passed over (their holders stopped asking), both in
     * order; the new mark (every number up to it is one or the other) and the credits left.
     */
    record Outcome(List<Long> admitted, List<Long> passedOver, long admittedThrough, double credits) {
    }

    /**
     * Credits after {@code elapsedMillis} at {@code rate} per second: at most one second's worth saved up (and at
     * least one), so a quiet spell does not let a crowd in at once.
     */
    static double credits(double saved, long elapsedMillis, double rate) {
        return Math.min(Math.max(1, rate), saved + rate * Math.max(0, elapsedMillis) / 1000.0);
    }

    /**
     * Walks the candidates in number order: a ticket unasked for longer than {@code abandonAfterMillis} is passed
     * over (costs nothing), the others are let in while a credit and a place under the route's capacity remain.
     *
     * @param headroom the route's capacity minus the requests in flight on every replica
     */
    static Outcome run(long mark, double credits, int headroom, List<Candidate> candidates, long now,
                       long abandonAfterMillis) {
        List<Long> admitted = new ArrayList<>();
        List<Long> passed = new ArrayList<>();
        long through = mark;
        int room = headroom;
        double left = credits;
        for (Candidate c : candidates) {
            if (c.number() <= through) {
                continue; // already decided (a candidate list read before the mark moved)
            }
            if (now - c.lastSeenAt() > abandonAfterMillis) {
                passed.add(c.number());
                through = c.number();
                continue;
            }
            if (left < 1 || room <= 0) {
                break;
            }
            admitted.add(c.number());
            through = c.number();
            left -= 1;
            room--;
        }
        return new Outcome(admitted, passed, through, left);
    }

    /**
     * How many requests this replica may have in flight on a route before newcomers queue (its claim): what it has
     * now plus its share of the places no replica holds. The free places are the capacity minus the other live
     * replicas' claims (or their requests in flight, if more) minus its own requests in flight; it takes 1/n of
     * them, rounded up (n: live replicas, itself included). Replicas claim one at a time from the claims as they
     * stand ({@link AdmissionStore#report}) and use a higher claim only once it is written, so the claims never add
     * up to more than the capacity; the 1/n share keeps one replica from holding the route while others need it.
     * Over the capacity (no free place), the allowance is what the others leave, at most its requests in flight:
     * lower than those, so no newcomer goes straight in until enough of them have ended.
     * An idle replica's claim shrinks as a busy one's grows (each tick the busy one takes half of what an idle one
     * leaves, with two), so a route whose load is all on one replica is soon nearly all that replica's.
     *
     * @param live        the live replicas' current reports (this one's may be among them: it is left out)
     * @param inFlightNow this replica's requests in flight now
     */
    static int allowance(int capacity, Map<String, AdmissionStore.Report> live, String me, int inFlightNow) {
        int n = live.containsKey(me) ? live.size() : live.size() + 1;
        int others = 0;
        for (Map.Entry<String, AdmissionStore.Report> e : live.entrySet()) {
            if (!e.getKey().equals(me)) {
                others += e.getValue().reserved();
            }
        }
        int free = capacity - others - inFlightNow;
        // Over the capacity (passes and officials do not queue): no newcomer until this replica is back under what
        // the others leave it. Claiming what it has in flight instead would, once those requests end, let as many
        // newcomers in before the next sync, over the capacity. Its requests still count for the others: a
        // report's reserved places are at least its requests in flight.
        return free <= 0 ? Math.max(0, Math.min(inFlightNow, capacity - others)) : inFlightNow + (free + n - 1) / n;
    }
}

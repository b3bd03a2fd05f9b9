package kr.civilportal.gateway.admission;

import java.util.ArrayList;
import java.util.List;

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
        boolean changed(long previousMark) {
            return admittedThrough != previousMark;
        }
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
     * How many requests this replica may have in flight on a route before newcomers queue: what it has now plus
     * its share of the route's free places. The free places (capacity minus every live replica's report) are
     * shared out evenly; the remainder goes to replicas in turn ({@code turn}, e.g. the second on the store's
     * clock), so with a capacity of 1 and 2 replicas each may let one in every other second. Summed over the
     * replicas this never exceeds the capacity, whatever each does with its share.
     *
     * @param reports live replicas' requests in flight, this one's included (keyed by replica id)
     */
    static int allowance(int capacity, java.util.Map<String, Integer> reports, String me, long turn) {
        java.util.TreeMap<String, Integer> live = new java.util.TreeMap<>(reports);
        live.putIfAbsent(me, 0);
        int total = live.values().stream().mapToInt(Integer::intValue).sum();
        int free = Math.max(0, capacity - total);
        int n = live.size();
        int rank = live.headMap(me).size();
        int extra = (int) Math.floorMod(rank - turn, (long) n) < free % n ? 1 : 0;
        return live.get(me) + free / n + extra;
    }
}

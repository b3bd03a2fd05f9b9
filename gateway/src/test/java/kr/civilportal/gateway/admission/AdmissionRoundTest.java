package kr.civilportal.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shared admitter's rules, whichever replica runs a round. */
class AdmissionRoundTest {

    static final long ABANDON = 30_000;

    static List<AdmissionRound.Candidate> waiting(long from, long to, long lastSeenAt) {
        return LongStream.rangeClosed(from, to).mapToObj(n -> new AdmissionRound.Candidate(n, lastSeenAt)).toList();
    }

    @Test
    void ticketsAreLetInStrictlyInNumberOrderAsFarAsCreditsAndRoomAllow() {
        AdmissionRound.Outcome outcome = AdmissionRound.run(10, 3.5, 100, waiting(11, 20, 0), 1_000, ABANDON);
        assertEquals(List.of(11L, 12L, 13L), outcome.admitted());
        assertEquals(13, outcome.admittedThrough(), "the mark: every number up to it is decided");
        assertEquals(0.5, outcome.credits(), 1e-9);

        AdmissionRound.Outcome full = AdmissionRound.run(10, 50, 2, waiting(11, 20, 0), 1_000, ABANDON);
        assertEquals(List.of(11L, 12L), full.admitted(), "no more than the route's free places over all replicas");
        assertEquals(List.of(), AdmissionRound.run(10, 50, 0, waiting(11, 20, 0), 1_000, ABANDON).admitted());
        assertEquals(List.of(), AdmissionRound.run(10, 50, -3, waiting(11, 20, 0), 1_000, ABANDON).admitted(),
                "over capacity (replicas let in with passes): nobody");
    }

    @Test
    void theRateIsTheRoutesInTotalWhoeverRunsTheRounds() {
        // Rounds every 100 ms, run by whichever replica gets the lock: the credits live in the store, so the
        // total is the route's rate however the rounds are spread over the replicas.
        double rate = 5;
        double credits = 0;
        long mark = 0;
        long lastRound = 0;
        List<Long> admittedAt = new ArrayList<>();
        for (long now = 100; now <= 10_000; now += 100) {
            credits = AdmissionRound.credits(credits, now - lastRound, rate);
            lastRound = now;
            AdmissionRound.Outcome o = AdmissionRound.run(mark, credits, 1_000, waiting(mark + 1, mark + 100, now), now, ABANDON);
            credits = o.credits();
            mark = o.admittedThrough();
            long at = now;
            o.admitted().forEach(n -> admittedAt.add(at));
        }
        assertEquals(50, admittedAt.size(), "5 per second for 10 s");
        for (long start = 0; start < 10_000; start += 100) {
            long from = start;
            long inOneSecond = admittedAt.stream().filter(t -> t > from && t <= from + 1_000).count();
            assertTrue(inOneSecond <= rate + 1, "at most the rate in any second: " + inOneSecond + " after " + start);
        }
    }

    @Test
    void creditsSaveUpAtMostOneSecondsWorth() {
        assertEquals(5, AdmissionRound.credits(0, 60_000, 5), 1e-9, "a quiet minute: one second's worth");
        assertEquals(1, AdmissionRound.credits(0, 60_000, 0.2), 1e-9, "a slow route: at least one");
        assertEquals(0.5, AdmissionRound.credits(0, 100, 5), 1e-9);
        assertEquals(0, AdmissionRound.credits(0, -50, 5), 1e-9, "a clock step back adds nothing");
    }

    @Test
    void aTicketUnaskedForTooLongIsPassedOverWithoutCostingACredit() {
        List<AdmissionRound.Candidate> candidates = List.of(
                new AdmissionRound.Candidate(11, 0),          // holder left long ago
                new AdmissionRound.Candidate(12, 50_000),     // asked recently, on whichever replica
                new AdmissionRound.Candidate(13, 0),
                new AdmissionRound.Candidate(14, 50_000));
        AdmissionRound.Outcome o = AdmissionRound.run(10, 2, 10, candidates, 60_000, ABANDON);
        assertEquals(List.of(12L, 14L), o.admitted());
        assertEquals(List.of(11L, 13L), o.passedOver());
        assertEquals(14, o.admittedThrough());
        assertEquals(0, o.credits(), 1e-9);
    }

    @Test
    void candidatesAtOrUnderTheMarkAreNeverDecidedTwice() {
        AdmissionRound.Outcome o = AdmissionRound.run(12, 5, 10, waiting(11, 14, 0), 1_000, ABANDON);
        assertEquals(List.of(13L, 14L), o.admitted());
    }

    static AdmissionStore.Report report(int inFlight, int claimed) {
        return new AdmissionStore.Report(inFlight, claimed);
    }

    @Test
    void replicasClaimingOneAtATimeFromTheClaimsAsTheyStandNeverHoldMoreThanTheCapacity() {
        java.util.Random random = new java.util.Random(17);
        for (int capacity : new int[] {1, 2, 3, 4, 7, 40}) {
            Map<String, AdmissionStore.Report> live = new java.util.TreeMap<>();
            List<String> names = List.of("gateway-0", "gateway-1", "gateway-2");
            for (int step = 0; step < 500; step++) {
                String me = names.get(random.nextInt(names.size()));
                AdmissionStore.Report mine = live.get(me);
                // Its requests in flight are what its last claim let in, some of them done by now.
                int inFlight = mine == null ? 0 : random.nextInt(mine.claimed() + 1);
                int claim = AdmissionRound.allowance(capacity, live, me, inFlight);
                assertTrue(claim >= inFlight, "nobody loses what it has in flight");
                live.put(me, report(inFlight, claim));
                int held = live.values().stream().mapToInt(AdmissionStore.Report::reserved).sum();
                assertTrue(held <= capacity, "capacity " + capacity + ", step " + step + ": " + live);
            }
        }
    }

    @Test
    void aReplicasClaimIsLeftToItAndAGoneReplicaLeavesNone() {
        Map<String, AdmissionStore.Report> last = Map.of("a", report(1, 3), "b", report(0, 0));
        assertEquals(1, AdmissionRound.allowance(4, last, "b", 0), "a may have 3: b gets the 1 left (half, rounded up)");
        assertEquals(1, AdmissionRound.allowance(4, Map.of("a", report(1, 2), "b", report(0, 0)), "b", 0),
                "2 left: half each");
        assertEquals(4, AdmissionRound.allowance(4, Map.of("a", report(0, 0)), "a", 0), "alone: the whole route");
        assertEquals(1, AdmissionRound.allowance(2, Map.of("a", report(0, 0)), "b", 0),
                "a replica not in the reports yet (its first report is on its way) counts itself in");
        // Over capacity (passes and officials count too): nobody may let more in until it is back under what the
        // others leave it (a: 4 - 3 = 1 while 5 are in flight; b: nothing, a holds 5).
        assertEquals(1, AdmissionRound.allowance(4, Map.of("a", report(5, 2), "b", report(3, 3)), "a", 5));
        assertEquals(0, AdmissionRound.allowance(4, Map.of("a", report(5, 2), "b", report(3, 3)), "b", 3));
    }

    @Test
    void theLoadOnOneReplicaSoonHasNearlyAllTheRoute() {
        // Both idle, then every newcomer comes to a: a's claim grows tick by tick, b's shrinks, never over 40.
        int capacity = 40;
        int a = 0;
        int b = 0;
        for (int tick = 0; tick < 15; tick++) {
            a = AdmissionRound.allowance(capacity, Map.of("a", report(a, a), "b", report(0, b)), "a", a); // a fills it
            b = AdmissionRound.allowance(capacity, Map.of("a", report(a, a), "b", report(0, b)), "b", 0);
            assertTrue(a + b <= capacity, "tick " + tick + ": " + a + " + " + b);
        }
        assertTrue(a >= capacity - 2, "the busy replica: " + a);
    }
}

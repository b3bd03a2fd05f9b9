package kr.civilportal.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One route's shared queue as a replica sees it between two syncs. */
class SharedQueueTest {

    static final long PASS = 60_000;

    static SharedQueue.Snapshot snapshot(long issued, long mark) {
        return new SharedQueue.Snapshot("sQUEUE1", issued, mark);
    }

    @Test
    void aTicketsPlaceIsHowFarItIsAboveTheMarkWhicheverReplicaIssuedIt() {
        SharedQueue q = new SharedQueue(PASS);
        q.apply(snapshot(20, 12), Map.of(), 0);
        assertEquals(new TicketState.Waiting(1), q.status(13, 0));
        assertEquals(new TicketState.Waiting(8), q.status(20, 0));
        assertEquals(8, q.waiting(), "20 issued, 12 decided");
        // A number issued after this replica's last sync (by another replica) still has its place.
        assertEquals(new TicketState.Waiting(10), q.status(22, 0));
    }

    @Test
    void underTheMarkANumberWasLetInForAWhileOrPassedOver() {
        SharedQueue q = new SharedQueue(PASS);
        q.apply(snapshot(20, 12), Map.of(11L, 1_000L), 1_000);
        assertEquals(new TicketState.Admitted(1_000, 1_000 + PASS), q.status(11, 2_000));
        assertInstanceOf(TicketState.Gone.class, q.status(12, 2_000), "passed over: not among the let-in");
        assertInstanceOf(TicketState.Gone.class, q.status(11, 1_000 + PASS), "its pass ran out");
        // The next sync asks only for admissions above what is known, and the old ones stay.
        assertEquals(12, q.knownThrough());
        q.apply(snapshot(25, 15), Map.of(14L, 3_000L), 3_000);
        assertInstanceOf(TicketState.Admitted.class, q.status(11, 3_000));
        assertInstanceOf(TicketState.Admitted.class, q.status(14, 3_000));
        // Passes that ran out are forgotten at the next sync.
        q.apply(snapshot(25, 15), Map.of(), 1_000 + PASS);
        assertInstanceOf(TicketState.Gone.class, q.status(11, 1_000));
    }

    @Test
    void aPassCheckedWithTheStoreIsKept() {
        SharedQueue q = new SharedQueue(PASS);
        q.apply(snapshot(20, 12), Map.of(), 0);
        assertInstanceOf(TicketState.Waiting.class, q.status(13, 100), "not yet in this replica's copy");
        assertInstanceOf(TicketState.Admitted.class, q.admittedByStore(13, 50, 100));
        assertInstanceOf(TicketState.Gone.class, q.admittedByStore(14, 50, 50 + PASS), "let in too long ago");
    }

    @Test
    void newcomersGoStraightInOnlyWhileNobodyWaitsAnywhereAndThisReplicaIsUnderItsShare() {
        SharedQueue q = new SharedQueue(PASS);
        assertFalse(q.mayEnterDirectly(0, 0), "before the first sync: not known");
        q.apply(snapshot(12, 12), Map.of(), 0);
        assertFalse(q.mayEnterDirectly(0, 0), "no allowance before the others' claims are known");
        q.allowance(3);
        assertTrue(q.mayEnterDirectly(2, 0));
        assertFalse(q.mayEnterDirectly(3, 0), "its share of the capacity is used");
        assertFalse(q.mayEnterDirectly(0, 1), "a newcomer here is being given a number: nobody overtakes");
        q.issued(13);
        assertFalse(q.mayEnterDirectly(0, 0), "someone waits");
        assertEquals(1, q.waiting());
        q.apply(snapshot(12, 12), Map.of(), 0);
        assertEquals(1, q.waiting(), "a sync read before this replica's issue does not forget it");
    }

    @Test
    void pollsAreRememberedUntilFlushedAndKeptThroughAFailedFlush() {
        SharedQueue q = new SharedQueue(PASS);
        q.apply(snapshot(20, 12), Map.of(), 0);
        q.status(15, 0);
        q.status(17, 0);
        q.status(15, 0);
        q.status(11, 0); // under the mark: nothing to keep alive
        List<Long> seen = q.drainSeen();
        assertEquals(List.of(15L, 17L), seen.stream().sorted().toList());
        assertEquals(List.of(), q.drainSeen());
        q.reseen(seen);
        assertEquals(2, q.drainSeen().size());
    }

    @Test
    void aNewQueueInTheStoreStartsAfresh() {
        SharedQueue q = new SharedQueue(PASS);
        q.apply(snapshot(500, 480), Map.of(), 0);
        q.apply(new SharedQueue.Snapshot("sQUEUE2", 3, 0), Map.of(), 0);
        assertEquals("sQUEUE2", q.epoch());
        assertEquals(3, q.waiting(), "the old queue's count is not carried over");
    }
}

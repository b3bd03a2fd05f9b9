package kr.civilportal.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteQueueTest {

    static final long PASS = 60_000;
    static final long ABANDON = 30_000;

    @Test
    void underCapacityRequestsGoStraightIn() {
        RouteQueue q = new RouteQueue("passport", 2, 10, PASS, ABANDON);
        assertInstanceOf(RouteQueue.Arrival.Enter.class, q.arrive(0));
        assertInstanceOf(RouteQueue.Arrival.Enter.class, q.arrive(0));
        assertEquals(2, q.inFlight());
        assertEquals(0, q.queueLength());
    }

    @Test
    void atCapacityNewcomersGetNumbersInOrderWithTheirPlace() {
        RouteQueue q = new RouteQueue("passport", 1, 10, PASS, ABANDON);
        q.arrive(0);
        RouteQueue.Arrival.Queued first = (RouteQueue.Arrival.Queued) q.arrive(0);
        RouteQueue.Arrival.Queued second = (RouteQueue.Arrival.Queued) q.arrive(0);
        assertEquals(1, first.position());
        assertEquals(2, second.position());
        assertTrue(second.number() > first.number());
        assertEquals(2, q.queueLength());
    }

    @Test
    void whileSomeoneWaitsANewcomerQueuesEvenIfThereIsRoomNow() {
        RouteQueue q = new RouteQueue("passport", 1, 10, PASS, ABANDON);
        q.arrive(0);
        q.arrive(0); // waits
        q.leave();   // room now, but the waiting one is first
        assertInstanceOf(RouteQueue.Arrival.Queued.class, q.arrive(0));
    }

    @Test
    void ticketsAreLetInStrictlyInOrderAtTheRateAndOnlyUnderCapacity() {
        RouteQueue q = new RouteQueue("passport", 3, 2, PASS, ABANDON); // 2 per second
        for (int i = 0; i < 3; i++) {
            q.arrive(0);
        }
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            numbers.add(((RouteQueue.Arrival.Queued) q.arrive(0)).number());
        }
        q.admit(0);
        assertEquals(List.of(), q.admit(1_000), "full: nobody is let in");
        q.leave();
        q.leave();
        q.leave();
        List<Long> let = new ArrayList<>(q.admit(2_000));
        assertEquals(numbers.subList(0, 2), let, "at most one second's worth at once, in order");
        assertEquals(List.of(), q.admit(2_100), "the rate holds");
        let.addAll(q.admit(2_600));
        let.addAll(q.admit(3_600));
        assertEquals(numbers.subList(0, 3), let.subList(0, 3));
        assertEquals(let.stream().sorted().toList(), let, "always in order");
    }

    @Test
    void anAdmittedNumberIsAPassForAShortWhile() {
        RouteQueue q = new RouteQueue("passport", 1, 10, PASS, ABANDON);
        q.arrive(0);
        long number = ((RouteQueue.Arrival.Queued) q.arrive(0)).number();
        assertFalse(q.enterWithPass(number, 0), "not yet admitted");
        q.leave();
        q.admit(0);
        q.admit(1_000);
        assertInstanceOf(TicketState.Admitted.class, q.status(number, 1_000));
        assertTrue(q.enterWithPass(number, 1_001));
        q.leave();
        assertTrue(q.enterWithPass(number, 30_000), "reusable within the window");
        q.leave();
        assertInstanceOf(TicketState.Gone.class, q.status(number, 1_000 + PASS));
        assertFalse(q.enterWithPass(number, 1_000 + PASS));
    }

    @Test
    void aHolderWhoStoppedAskingIsPassedOver() {
        RouteQueue q = new RouteQueue("passport", 1, 10, PASS, ABANDON);
        q.arrive(0);
        long gone = ((RouteQueue.Arrival.Queued) q.arrive(0)).number();
        long stays = ((RouteQueue.Arrival.Queued) q.arrive(0)).number();
        assertInstanceOf(TicketState.Waiting.class, q.status(stays, ABANDON));
        q.leave();
        q.admit(ABANDON);
        assertEquals(List.of(stays), q.admit(ABANDON + 1_000));
        assertInstanceOf(TicketState.Gone.class, q.status(gone, ABANDON + 1_000));
    }

    @Test
    void positionsMoveUpAsOthersAreLetIn() {
        RouteQueue q = new RouteQueue("passport", 1, 100, PASS, ABANDON);
        q.arrive(0);
        q.arrive(0);
        long third = ((RouteQueue.Arrival.Queued) q.arrive(0)).number();
        assertEquals(new TicketState.Waiting(2), q.status(third, 0));
        q.leave();
        q.admit(0);
        q.admit(10); // 100 per second: one let in after 10 ms
        assertEquals(new TicketState.Waiting(1), q.status(third, 10));
        assertEquals(1, q.estimatedWaitSeconds(1));
        assertEquals(3, new RouteQueue("r", 1, 2, PASS, ABANDON).estimatedWaitSeconds(5));
    }
}

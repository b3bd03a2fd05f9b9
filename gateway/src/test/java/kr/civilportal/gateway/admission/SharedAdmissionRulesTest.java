package kr.civilportal.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas' waiting rooms on one store, as the gateway runs them (doors, ticks, ticket threads), with the
 * store in memory and a clock the test moves: one order, one rate and one capacity for all of them, abandonment
 * whichever replica the holder asks, a ticket from one replica good at another, and the store going away and
 * coming back.
 */
class SharedAdmissionRulesTest {

    static final String ROUTE = "passport";
    static final long PASS = 60_000;
    static final long ABANDON = 30_000;
    static final long TTL = 2_000;
    static final long TICK = 100;

    final AtomicLong now = new AtomicLong(1_000_000);
    final MemoryAdmissionStore store = new MemoryAdmissionStore(now::get);
    final List<Replica> replicas = new ArrayList<>();

    /** One gateway replica's waiting room on the route. */
    final class Replica {
        final StoreLink link;
        final RouteDoor door;
        final AdmissionSync sync;
        final TicketIssuer issuer;

        Replica(String id, int capacity, double rate) {
            link = new StoreLink(id, true, Clock.systemUTC());
            door = new RouteDoor(ROUTE, capacity, rate, new RouteQueue(ROUTE, capacity, rate, PASS, ABANDON),
                    new SharedQueue(PASS), link, "L" + id);
            sync = new AdmissionSync(store, link, List.of(door), TTL, ABANDON, PASS);
            issuer = new TicketIssuer(store, link);
            replicas.add(this);
        }

        void tick() {
            sync.tick(now.get());
        }

        /** A newcomer that must wait: its number from the shared queue. */
        Ticket ticket() throws Exception {
            assertInstanceOf(RouteDoor.Decision.NeedsTicket.class, door.arrive(now.get()));
            TicketIssuer.Issued issued = issuer.request(door).get(10, TimeUnit.SECONDS);
            return new Ticket(issued.epoch(), ROUTE, issued.number(), now.get());
        }

        TicketState poll(Ticket t) {
            return door.poll(t, now.get());
        }
    }

    @AfterEach
    void stopThreads() {
        replicas.forEach(r -> r.issuer.close());
    }

    void tickAll() {
        now.addAndGet(TICK);
        replicas.forEach(Replica::tick);
    }

    /** Every replica has made its claim, seeing the others' (a replica claims nothing before its first tick). */
    void allInTouch() {
        tickAll();
        tickAll();
    }

    /** Newcomers at each replica in turn until none goes straight in: how many did. */
    int fill(Replica... at) {
        int entered = 0;
        for (int i = 0; i < 100; i++) {
            boolean any = false;
            for (Replica r : at) {
                if (r.door.arrive(now.get()) instanceof RouteDoor.Decision.Enter) {
                    entered++;
                    any = true;
                }
            }
            if (!any) {
                return entered;
            }
        }
        throw new AssertionError("newcomers never stopped going straight in");
    }

    @Test
    void newcomersAtEveryReplicaGetNumbersFromOneCounterAndAreLetInInThatOrderAtTheRouteRateInTotal() throws Exception {
        double rate = 2;
        Replica a = new Replica("gateway-0", 2, rate);
        Replica b = new Replica("gateway-1", 2, rate);
        allInTouch();
        // The route's capacity is 2 over both: two go straight in, then everybody waits.
        assertEquals(2, fill(a, b));
        tickAll();
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tickets.add((i % 2 == 0 ? a : b).ticket());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), tickets.stream().map(Ticket::number).toList(),
                "one counter for both replicas, in arrival order");
        assertEquals(tickets.get(0).epoch(), tickets.get(1).epoch(), "one queue");
        replicas.forEach(r -> {
            while (r.door.inFlight() > 0) {
                r.door.leave();
            }
        });

        // Holders poll whichever replica they like (here: the other one), and are let in in order, at the rate.
        long start = now.get();
        Map<Long, Long> admittedAt = new TreeMap<>();
        while (admittedAt.size() < tickets.size() && now.get() - start < 20_000) {
            tickAll();
            for (int i = 0; i < tickets.size(); i++) {
                Ticket t = tickets.get(i);
                Replica other = i % 2 == 0 ? b : a;
                if (!admittedAt.containsKey(t.number()) && other.poll(t) instanceof TicketState.Admitted adm) {
                    admittedAt.put(t.number(), adm.admittedAt());
                    // With the pass, on the replica that did not issue it, and done at once.
                    assertInstanceOf(RouteDoor.Decision.Enter.class, other.door.withPass(t, now.get()));
                    other.door.leave();
                }
            }
            long elapsed = now.get() - start;
            assertTrue(admittedAt.size() <= rate * elapsed / 1000.0 + 1,
                    admittedAt.size() + " let in after " + elapsed + " ms: more than the route's rate over both replicas");
        }
        assertEquals(tickets.size(), admittedAt.size(), "all let in");
        List<Long> times = new ArrayList<>(admittedAt.values());
        assertEquals(times.stream().sorted().toList(), times, "let in in number order");
    }

    @Test
    void theCapacityIsCountedOverEveryLiveReplica() throws Exception {
        Replica a = new Replica("gateway-0", 2, 10);
        Replica b = new Replica("gateway-1", 2, 10);
        allInTouch();
        assertEquals(2, fill(a, b), "2 places over both replicas");
        for (int i = 0; i < 20; i++) {
            tickAll();
            assertEquals(0, fill(a, b), "still 2 in flight over both: nobody else goes straight in");
        }
        // Both give their places back except one of b's... b is killed with what it has in flight: once its
        // report is older than the time-to-live it no longer counts, and a has the whole route.
        while (a.door.inFlight() > 0) {
            a.door.leave();
        }
        int bHeld = b.door.inFlight();
        replicas.remove(b);
        tickAll();
        tickAll();
        assertEquals(2 - bHeld, fill(a), "while b's report lives, its requests count");
        for (long t = 0; t <= TTL; t += TICK) {
            tickAll();
        }
        assertEquals(bHeld, fill(a), "b's report expired: a alone has the route");
    }

    @Test
    void requestsOverTheCapacityLeaveNoExtraPlacesBehindWhenTheyEnd() throws Exception {
        Replica a = new Replica("gateway-0", 1, 10);
        allInTouch();
        // A pass holder and an official go in over the capacity (neither queues); the next sync claims both.
        a.door.enterUnqueued();
        a.door.enterUnqueued();
        tickAll();
        // Both end before the next sync: one newcomer may go straight in, the next must queue, whatever the
        // replica claimed a moment ago.
        a.door.leave();
        a.door.leave();
        assertInstanceOf(RouteDoor.Decision.Enter.class, a.door.arrive(now.get()));
        assertInstanceOf(RouteDoor.Decision.NeedsTicket.class, a.door.arrive(now.get()),
                "a second request in flight on a route of capacity 1");
    }

    @Test
    void aHolderWhoStopsAskingIsPassedOverWhicheverReplicaTheOthersAsk() throws Exception {
        Replica a = new Replica("gateway-0", 1, 10);
        Replica b = new Replica("gateway-1", 1, 10);
        allInTouch();
        if (fill(a, b) == 0) {
            a.door.enterUnqueued(); // an official's request holds the one place
        }
        tickAll();
        Ticket stays = a.ticket();
        Ticket leaves = b.ticket();
        Ticket staysToo = a.ticket();
        // The route stays full past abandon-after; two holders keep asking, each at the other replica.
        for (long t = 0; t <= ABANDON + TICK; t += TICK) {
            tickAll();
            b.poll(stays);
            b.poll(staysToo);
        }
        replicas.forEach(r -> {
            while (r.door.inFlight() > 0) {
                r.door.leave();
            }
        });
        boolean staysIn = false;
        boolean staysTooIn = false;
        for (int i = 0; i < 50 && !(staysIn && staysTooIn); i++) {
            tickAll();
            if (!staysIn && a.poll(stays) instanceof TicketState.Admitted) {
                staysIn = true;
                a.door.withPass(stays, now.get());
                a.door.leave();
            }
            if (!staysTooIn && b.poll(staysToo) instanceof TicketState.Admitted) {
                staysTooIn = true;
            }
        }
        assertTrue(staysIn && staysTooIn, "the holders who kept asking are let in");
        assertInstanceOf(TicketState.Gone.class, b.poll(leaves), "the one who stopped asking was passed over");
        assertInstanceOf(TicketState.Gone.class, a.poll(leaves));
    }

    @Test
    void aPassLetInAMomentAgoIsCheckedWithTheStoreByAReplicaThatHasNotSyncedYet() throws Exception {
        Replica a = new Replica("gateway-0", 1, 10);
        Replica b = new Replica("gateway-1", 1, 10);
        allInTouch();
        a.door.enterUnqueued(); // an official's request holds the one place
        tickAll();
        Ticket t = a.ticket();
        replicas.forEach(r -> {
            while (r.door.inFlight() > 0) {
                r.door.leave();
            }
        });
        now.addAndGet(TICK);
        b.tick(); // reports its place free; its copy of the queue does not know a's ticket yet
        // a's ticks let it in; b has not read the store since.
        replicas.remove(b);
        for (int i = 0; i < 5; i++) {
            tickAll();
        }
        assertInstanceOf(TicketState.Admitted.class, a.poll(t));
        RouteDoor.Decision atB = b.door.withPass(t, now.get());
        RouteDoor.Decision.AskStore ask = assertInstanceOf(RouteDoor.Decision.AskStore.class, atB);
        assertInstanceOf(RouteDoor.Decision.Enter.class,
                b.door.afterStore(t, store.admittedAt(ROUTE, ask.number()), ask.position(), now.get()));
    }

    @Test
    void withTheStoreGoneEachReplicaQueuesAloneOnItsShareAndSaysSoOnceThenSharesAgain() throws Exception {
        Replica a = new Replica("gateway-0", 4, 10);
        Replica b = new Replica("gateway-1", 4, 10);
        allInTouch();
        assertTrue(a.link.shared());
        assertEquals(2, a.link.replicas());
        // Someone waits in the shared queue when the store goes.
        fill(a, b);
        tickAll();
        fill(a, b);
        Ticket waiting = a.ticket();
        int aHeld = a.door.inFlight();

        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(StoreLink.class.getName());
        log.addHandler(handler);
        try {
            store.down.set(true);
            for (int i = 0; i < 20; i++) {
                tickAll();
            }
            assertFalse(a.link.shared());
            assertEquals("per-replica", a.link.view().mode());
            assertEquals(2, logged.stream().filter(r -> r.getMessage().contains("unreachable")).count(),
                    "twenty failed ticks on each of two replicas, logged once by each: "
                            + logged.stream().map(LogRecord::getMessage).toList());

            // a alone: half of the capacity (2 of 4, b takes the other half).
            int entered = 0;
            RouteDoor.Decision local;
            while ((local = a.door.arrive(now.get())) instanceof RouteDoor.Decision.Enter) {
                entered++;
            }
            assertEquals(Math.max(0, 2 - aHeld), entered, "a's share while alone: 2 of 4 in flight (it had " + aHeld + ")");
            RouteDoor.Decision.Queued queued = assertInstanceOf(RouteDoor.Decision.Queued.class, local);
            assertEquals("Lgateway-0", queued.epoch(), "a ticket of a's own queue");
            while (a.door.inFlight() > 0) {
                a.door.leave();
            }
            for (int i = 0; i < 20; i++) {
                tickAll();
                a.door.admitLocal(now.get());
            }
            assertInstanceOf(TicketState.Admitted.class,
                    a.poll(new Ticket(queued.epoch(), ROUTE, queued.number(), now.get())), "its own queue moves on");
            // The shared queue stands still: its holder keeps the place, and is not asked to go to the store.
            assertInstanceOf(TicketState.Waiting.class, b.poll(waiting));
            assertInstanceOf(RouteDoor.Decision.Queued.class, b.door.withPass(waiting, now.get()));

            store.down.set(false);
            logged.clear();
            for (int i = 0; i < 5; i++) {
                tickAll();
            }
            assertTrue(a.link.shared());
            assertEquals(2, logged.stream().filter(r -> r.getMessage().contains("reachable again")).count(),
                    "once per replica: " + logged.size());
            assertNotEquals(RouteDoor.Decision.Queued.class, a.door.arrive(now.get()).getClass(),
                    "newcomers go to the shared queue again");
        } finally {
            log.removeHandler(handler);
        }
    }
}

package kr.civilportal.gateway.admission;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One route's way in, on this replica: the shared queue while the store is reachable, this replica's own
 * {@link RouteQueue} while it is not. Every method is quick and in memory (it runs on the event loop); what needs
 * the store is returned as a decision ({@link Decision.NeedsTicket}, {@link Decision.AskStore}) for the caller to
 * do off the loop. Plain: times are passed in (this replica's clock; {@link StoreLink#storeTime} turns them into
 * the store's).
 *
 * <p>The local queue also counts this replica's requests in flight in every mode: that count is what the replica
 * reports to the store.
 */
final class RouteDoor {

    sealed interface Decision {
        /** In now: call {@link #leave()} when the request ends. */
        record Enter() implements Decision {
        }

        /** Give (or give back) this ticket: {@code epoch} says which queue it is in. */
        record Queued(String epoch, long number, int position) implements Decision {
        }

        /** Wait in the shared queue: a number must come from the store ({@link TicketIssuer}). */
        record NeedsTicket() implements Decision {
        }

        /**
         * A pass above this replica's last view of the mark: the admitter may have let it in a moment ago. Ask the
         * store ({@link AdmissionStore#admittedAt}) and decide with {@link #afterStore}.
         */
        record AskStore(long number, int position) implements Decision {
        }

        /** Passed over, pass run out, or from a queue that no longer exists: 410. */
        record Expired() implements Decision {
        }
    }

    private static final Decision ENTER = new Decision.Enter();
    private static final Decision NEEDS_TICKET = new Decision.NeedsTicket();
    private static final Decision EXPIRED = new Decision.Expired();

    private final String route;
    private final int capacity;
    private final double rate;
    private final RouteQueue local;
    /** Null when sharing is switched off. */
    private final SharedQueue shared;
    private final StoreLink link;
    private final String localEpoch;
    /** Newcomers waiting here for a shared number: while any do, later ones must not overtake them. */
    private final AtomicInteger issuing = new AtomicInteger();

    RouteDoor(String route, int capacity, double rate, RouteQueue local, SharedQueue shared, StoreLink link,
              String localEpoch) {
        this.route = route;
        this.capacity = capacity;
        this.rate = rate;
        this.local = local;
        this.shared = shared;
        this.link = link;
        this.localEpoch = localEpoch;
    }

    /** A request without a pass. */
    Decision arrive(long now) {
        if (sharing()) {
            if (shared.mayEnterDirectly(local.inFlight(), issuing.get())) {
                local.enterUnqueued();
                return ENTER;
            }
            return NEEDS_TICKET;
        }
        return arriveHere(now);
    }

    /** A newcomer whose shared number could not be had (the store is out): this replica's own queue. */
    Decision arriveHere(long now) {
        RouteQueue.Arrival arrival = local.arrive(now);
        if (arrival instanceof RouteQueue.Arrival.Queued q) {
            return new Decision.Queued(localEpoch, q.number(), q.position());
        }
        return ENTER;
    }

    /** A request carrying a ticket of this route (signature checked) as its pass. */
    Decision withPass(Ticket ticket, long now) {
        if (ofSharedQueue(ticket.epoch())) {
            TicketState state = shared.status(ticket.number(), link.storeTime(now));
            if (state instanceof TicketState.Admitted) {
                local.enterUnqueued();
                return ENTER;
            }
            if (state instanceof TicketState.Waiting w) {
                // While the store is out, the shared queue stands still: its holders keep their place.
                return link.shared() ? new Decision.AskStore(ticket.number(), w.position())
                        : new Decision.Queued(ticket.epoch(), ticket.number(), w.position());
            }
            return EXPIRED;
        }
        if (ticket.epoch().equals(localEpoch)) {
            if (local.enterWithPass(ticket.number(), now)) {
                return ENTER;
            }
            if (local.status(ticket.number(), now) instanceof TicketState.Waiting w) {
                return new Decision.Queued(localEpoch, ticket.number(), w.position());
            }
        }
        return EXPIRED;
    }

    /** The store's answer to {@link Decision.AskStore}: let in at that time, or not (yet). */
    Decision afterStore(Ticket ticket, OptionalLong admittedAt, int position, long now) {
        if (admittedAt.isPresent()) {
            if (shared.admittedByStore(ticket.number(), admittedAt.getAsLong(), link.storeTime(now))
                    instanceof TicketState.Admitted) {
                local.enterUnqueued();
                return ENTER;
            }
            return EXPIRED;
        }
        return new Decision.Queued(ticket.epoch(), ticket.number(), position);
    }

    /** A poll of a ticket of this route (signature checked). */
    TicketState poll(Ticket ticket, long now) {
        if (ofSharedQueue(ticket.epoch())) {
            return shared.status(ticket.number(), link.storeTime(now));
        }
        return ticket.epoch().equals(localEpoch) ? local.status(ticket.number(), now) : TicketState.GONE;
    }

    /** Whether a ticket of this epoch is in the shared queue (not in this replica's own, nor in one gone since). */
    boolean ofSharedQueue(String epoch) {
        return shared != null && epoch.equals(shared.epoch());
    }

    /** A request that does not queue (an official's) still counts as load. */
    void enterUnqueued() {
        local.enterUnqueued();
    }

    void leave() {
        local.leave();
    }

    /** Whether newcomers go to the shared queue now. */
    boolean sharing() {
        return shared != null && link.shared() && shared.epoch() != null;
    }

    /** A newcomer starts waiting for a shared number ({@link TicketIssuer}). */
    void issuing() {
        issuing.incrementAndGet();
    }

    /** Numbers up to {@code last} were given ({@code count} of them to newcomers here). */
    void issued(long last, int count) {
        shared.issued(last);
        issuing.addAndGet(-count);
    }

    /** Numbers could not be given: those newcomers queue here instead. */
    void notIssued(int count) {
        issuing.addAndGet(-count);
    }

    /** Tickets waiting: in the shared queue (every replica's) and in this replica's own. */
    int queueLength() {
        return (shared == null ? 0 : shared.waiting()) + local.queueLength();
    }

    int inFlight() {
        return local.inFlight();
    }

    /**
     * While each replica is alone, it takes its share of the route: capacity and rate divided by the replicas the
     * store last counted (1 when it never saw the store), so N replicas cut off together still add up to the
     * route's limits.
     */
    void shareAmong(int replicas) {
        int n = Math.max(1, replicas);
        local.resize(Math.max(1, (int) Math.ceil(capacity / (double) n)), rate / n);
    }

    /** The local queue's own admissions (tickets given while the store was out). */
    void admitLocal(long now) {
        local.admit(now);
    }

    /** Position ÷ rate: the route's rate in the shared queue, this replica's share of it in its own. */
    long estimatedWaitSeconds(int position, boolean sharedTicket) {
        return sharedTicket ? Math.max(1, (long) Math.ceil(position / rate)) : local.estimatedWaitSeconds(position);
    }

    String route() {
        return route;
    }

    int capacity() {
        return capacity;
    }

    double rate() {
        return rate;
    }

    SharedQueue shared() {
        return shared;
    }

}

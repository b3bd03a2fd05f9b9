package kr.civilportal.gateway.admission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One route's waiting room on this replica alone: how many requests are in flight, who waits in which order, who
 * has been let in. Plain, synchronised, with time passed in, so the rules are tested without a clock or a server.
 *
 * <p>Rules: a request without a pass goes straight in only while the route is under capacity <em>and</em>
 * nobody waits (else newcomers would overtake the queue). Otherwise it gets the next number. Numbers are let
 * in strictly in order, at most {@code admissionRate} per second and only while the route is under capacity;
 * a number whose holder stopped asking (no poll for {@code abandonAfter}) is passed over. A number let in is
 * a pass for {@code passValidity}: requests with it go straight in.
 */
final class RouteQueue {

    sealed interface Arrival {
        /** In now; call {@link #leave()} when the request ends. */
        record Enter() implements Arrival {
        }

        record Queued(long number, int position) implements Arrival {
        }
    }

    private final String route;
    private int capacity;
    private double admissionRate;
    private final long passValidityMillis;
    private final long abandonAfterMillis;

    private int inFlight;
    private long nextNumber = 1;
    private double credits;
    private long lastTick = -1;
    /** Waiting numbers, in order, with when their holder last asked. */
    private final TreeMap<Long, Long> waiting = new TreeMap<>();
    /** Numbers let in, with when. */
    private final Map<Long, Long> admitted = new HashMap<>();

    RouteQueue(String route, int capacity, double admissionRate, long passValidityMillis, long abandonAfterMillis) {
        this.route = route;
        this.passValidityMillis = passValidityMillis;
        this.abandonAfterMillis = abandonAfterMillis;
        resize(capacity, admissionRate);
    }

    /** New limits: a replica on its own while the shared store is out takes its share ({@link RouteDoor#shareAmong}). */
    synchronized void resize(int capacity, double admissionRate) {
        if (capacity < 1 || admissionRate <= 0) {
            throw new IllegalArgumentException("Route " + route + ": capacity and admission rate must be positive");
        }
        this.capacity = capacity;
        this.admissionRate = admissionRate;
    }

    synchronized Arrival arrive(long now) {
        if (waiting.isEmpty() && inFlight < capacity) {
            inFlight++;
            return new Arrival.Enter();
        }
        long number = nextNumber++;
        waiting.put(number, now);
        return new Arrival.Queued(number, waiting.size());
    }

    /** A request that does not queue (an official's, or one with a valid pass) still counts as load. */
    synchronized void enterUnqueued() {
        inFlight++;
    }

    /** Where a number stands; asking counts as being still there. */
    synchronized TicketState status(long number, long now) {
        Long at = admitted.get(number);
        if (at != null) {
            return TicketState.admitted(at, passValidityMillis, now);
        }
        if (waiting.containsKey(number)) {
            waiting.put(number, now);
            return new TicketState.Waiting(waiting.headMap(number, true).size());
        }
        return TicketState.GONE;
    }

    /** Lets a request with an admitted number in (counted in flight); false if the number is not admitted now. */
    synchronized boolean enterWithPass(long number, long now) {
        if (status(number, now) instanceof TicketState.Admitted) {
            inFlight++;
            return true;
        }
        return false;
    }

    synchronized void leave() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** Lets the next numbers in, as the rate and the load allow; returns them in order. */
    synchronized List<Long> admit(long now) {
        if (lastTick >= 0) {
            // At most one second's worth saved up, so a quiet spell does not let a crowd in at once.
            credits = Math.min(Math.max(1, admissionRate), credits + admissionRate * (now - lastTick) / 1000.0);
        }
        lastTick = now;
        admitted.values().removeIf(at -> at + passValidityMillis <= now);
        List<Long> let = new ArrayList<>();
        while (credits >= 1 && !waiting.isEmpty() && inFlight < capacity) {
            Map.Entry<Long, Long> head = waiting.pollFirstEntry();
            if (now - head.getValue() > abandonAfterMillis) {
                continue; // its holder left: the next one moves up
            }
            admitted.put(head.getKey(), now);
            credits -= 1;
            let.add(head.getKey());
        }
        return let;
    }

    /** Seconds until a holder at this position is likely let in, at the admission rate. */
    synchronized long estimatedWaitSeconds(int position) {
        return Math.max(1, (long) Math.ceil(position / admissionRate));
    }

    synchronized int queueLength() {
        return waiting.size();
    }

    synchronized int inFlight() {
        return inFlight;
    }
}

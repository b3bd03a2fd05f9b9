package kr.civilportal.gateway.routing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route's cap on requests in flight (격벽), with a waiting line for bursts: a request beyond the cap waits for a
 * place if the line has room, at most {@code maxWait}, else is refused. Nothing blocks: a waiting request is a
 * callback, started by whichever thread frees a place. Requests arriving while others wait queue behind them, so
 * a burst is served in order. The line absorbs a short stall (a pause of the service or of the gateway itself
 * lets hundreds of requests arrive at once at a national rate); the wait limit keeps a hung service from
 * holding its callers longer than that.
 */
final class RouteBulkhead {

    /** Runs a task after a delay (a Vert.x timer on the caller's event loop); returns a handle for cancel. */
    interface Timers {
        long schedule(long delayMillis, Runnable task);

        void cancel(long handle);
    }

    private final int limit;
    private final int queue;
    private final long maxWaitMillis;
    private final Timers timers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

    private static final class Waiter {
        final Runnable start;
        volatile long timer = -1;

        Waiter(Runnable start) {
            this.start = start;
        }
    }

    RouteBulkhead(int limit, int queue, long maxWaitMillis, Timers timers) {
        if (limit < 1 || queue < 0 || maxWaitMillis < 1) {
            throw new IllegalArgumentException("bulkhead limit and max wait must be at least 1, queue at least 0");
        }
        this.limit = limit;
        this.queue = queue;
        this.maxWaitMillis = maxWaitMillis;
        this.timers = timers;
    }

    /**
     * Starts {@code start} now if a place is free and nobody waits, or later, when a place frees, if the line has
     * room. Returns false (and never starts it) when the cap and the line are both full; calls {@code waitedTooLong}
     * instead of starting it if no place freed within the wait limit. Each started request must
     * {@link #release()} its place exactly once.
     */
    boolean enter(Runnable start, Runnable waitedTooLong) {
        if (waitingCount.get() == 0 && tryTake()) {
            start.run();
            return true;
        }
        if (waitingCount.incrementAndGet() > queue) {
            waitingCount.decrementAndGet();
            return false;
        }
        Waiter waiter = new Waiter(start);
        waiting.add(waiter);
        waiter.timer = timers.schedule(maxWaitMillis, () -> {
            // Whoever takes it out of the line decides: a freed place (it starts) or the time limit (refused).
            if (waiting.remove(waiter)) {
                waitingCount.decrementAndGet();
                waitedTooLong.run();
            }
        });
        // A place may have freed between the first try and joining the line, with nobody left to notice.
        startWaiting();
        return true;
    }

    void release() {
        inFlight.decrementAndGet();
        startWaiting();
    }

    int inFlight() {
        return inFlight.get();
    }

    int waiting() {
        return waitingCount.get();
    }

    int limit() {
        return limit;
    }

    private void startWaiting() {
        while (waitingCount.get() > 0 && tryTake()) {
            Waiter next = waiting.poll();
            if (next == null) {
                // Counted but not yet added by its thread, which will call this again once it has added it.
                inFlight.decrementAndGet();
                return;
            }
            waitingCount.decrementAndGet();
            long timer = next.timer;
            if (timer >= 0) {
                timers.cancel(timer);
            }
            next.start.run();
        }
    }

    private boolean tryTake() {
        while (true) {
            int now = inFlight.get();
            if (now >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }
}

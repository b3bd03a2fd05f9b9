package kr.civilportal.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RouteBulkheadTest {

    /** Timers that fire only when the test says so. */
    static final class ManualTimers implements RouteBulkhead.Timers {
        final Map<Long, Runnable> pending = new ConcurrentHashMap<>();
        final AtomicLong next = new AtomicLong();

        @Override
        public long schedule(long delayMillis, Runnable task) {
            long id = next.incrementAndGet();
            pending.put(id, task);
            return id;
        }

        @Override
        public void cancel(long handle) {
            pending.remove(handle);
        }

        void fireAll() {
            new ArrayList<>(pending.keySet()).forEach(id -> {
                Runnable task = pending.remove(id);
                if (task != null) {
                    task.run();
                }
            });
        }
    }

    private static final Runnable NEVER = () -> {
        throw new AssertionError("refused after waiting, but it should have started");
    };

    @Test
    void startsUpToTheLimitLetsTheLineWaitAndRefusesTheRest() {
        RouteBulkhead bulkhead = new RouteBulkhead(2, 1, 1_000, new ManualTimers());
        List<String> started = new ArrayList<>();
        assertTrue(bulkhead.enter(() -> started.add("a"), NEVER));
        assertTrue(bulkhead.enter(() -> started.add("b"), NEVER));
        assertTrue(bulkhead.enter(() -> started.add("c"), NEVER), "the third waits in the line");
        assertFalse(bulkhead.enter(() -> started.add("d"), NEVER), "cap and line full: refused");
        assertEquals(List.of("a", "b"), started);
        assertEquals(2, bulkhead.inFlight());
        assertEquals(1, bulkhead.waiting());

        bulkhead.release();
        assertEquals(List.of("a", "b", "c"), started, "a freed place goes to the one waiting");
        assertEquals(2, bulkhead.inFlight());
        assertEquals(0, bulkhead.waiting());
    }

    @Test
    void newcomersQueueBehindThoseWaiting() {
        RouteBulkhead bulkhead = new RouteBulkhead(1, 3, 1_000, new ManualTimers());
        List<String> started = new ArrayList<>();
        bulkhead.enter(() -> started.add("first"), NEVER);
        bulkhead.enter(() -> started.add("second"), NEVER);
        bulkhead.enter(() -> started.add("third"), NEVER);
        bulkhead.release();
        bulkhead.release();
        bulkhead.enter(() -> started.add("fourth"), NEVER);
        assertEquals(List.of("first", "second", "third"), started);
        bulkhead.release();
        assertEquals(List.of("first", "second", "third", "fourth"), started);
    }

    @Test
    void noPlaceIsLostOrDoubledWhenManyThreadsEnterAndLeave() throws Exception {
        int limit = 4;
        RouteBulkhead bulkhead = new RouteBulkhead(limit, 20_000, 60_000, new ManualTimers());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Runnable> releases = new ConcurrentLinkedQueue<>();
        int requests = 20_000;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch entered = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            threads.execute(() -> {
                boolean accepted = bulkhead.enter(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    // Finished later by another thread, as an answer arriving on another event loop would be.
                    releases.add(() -> {
                        running.decrementAndGet();
                        done.incrementAndGet();
                        bulkhead.release();
                    });
                }, NEVER);
                assertTrue(accepted);
                entered.countDown();
                Runnable release = releases.poll();
                if (release != null) {
                    release.run();
                }
            });
        }
        assertTrue(entered.await(60, TimeUnit.SECONDS));
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        for (Runnable release; (release = releases.poll()) != null; ) {
            release.run();
        }
        assertEquals(requests, done.get(), "every request was started and finished once");
        assertTrue(most.get() <= limit, "at most " + limit + " at once, saw " + most.get());
        assertEquals(0, bulkhead.inFlight());
        assertEquals(0, bulkhead.waiting());
    }

    @Test
    void aRequestThatWaitedTooLongIsRefusedAndLeavesTheLine() {
        ManualTimers timers = new ManualTimers();
        RouteBulkhead bulkhead = new RouteBulkhead(1, 5, 1_000, timers);
        List<String> started = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        bulkhead.enter(() -> started.add("in"), NEVER);
        bulkhead.enter(() -> started.add("waiting"), () -> refused.add("waiting"));
        assertEquals(1, bulkhead.waiting());

        timers.fireAll(); // the service never freed the place within the wait limit
        assertEquals(List.of("waiting"), refused);
        assertEquals(0, bulkhead.waiting());

        bulkhead.release();
        assertEquals(List.of("in"), started, "a refused request is never started later");
        assertEquals(0, bulkhead.inFlight());

        bulkhead.enter(() -> started.add("next"), NEVER);
        bulkhead.enter(() -> started.add("queued"), NEVER);
        bulkhead.release();
        timers.fireAll(); // its timer was cancelled when it started
        assertEquals(List.of("in", "next", "queued"), started);
    }
}

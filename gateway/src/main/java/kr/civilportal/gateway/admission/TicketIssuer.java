package kr.civilportal.gateway.admission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;

/**
 * Gives newcomers their numbers in the shared queues, on its own thread (never the event loop). Newcomers who
 * arrive while a batch is being written wait for the next one, so a rush costs one statement per batch, not one
 * per citizen; within a batch, numbers go in arrival order. A batch the store cannot take fails its newcomers,
 * who then queue on this replica alone.
 */
final class TicketIssuer implements AutoCloseable {

    /** A number in a shared queue; {@code storeNow} is when it was given, on the store's clock. */
    record Issued(String epoch, long number, long storeNow) {
    }

    private record Request(RouteDoor door, CompletableFuture<Issued> result) {
    }

    private static final Logger LOG = Logger.getLogger(TicketIssuer.class);

    private final AdmissionStore store;
    private final StoreLink link;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    TicketIssuer(AdmissionStore store, StoreLink link) {
        this.store = store;
        this.link = link;
        this.thread = Thread.ofPlatform().daemon().name("waiting-room-tickets").start(this::loop);
    }

    /** A number for a newcomer at this door; completed on the issuer's thread. */
    CompletableFuture<Issued> request(RouteDoor door) {
        CompletableFuture<Issued> result = new CompletableFuture<>();
        door.issuing();
        requests.add(new Request(door, result));
        return result;
    }

    private void loop() {
        while (running) {
            List<Request> batch = new ArrayList<>();
            try {
                batch.add(requests.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            requests.drainTo(batch);
            Map<RouteDoor, List<Request>> byDoor = new LinkedHashMap<>();
            batch.forEach(r -> byDoor.computeIfAbsent(r.door(), d -> new ArrayList<>()).add(r));
            byDoor.forEach(this::issue);
        }
    }

    private void issue(RouteDoor door, List<Request> waiting) {
        int count = waiting.size();
        AdmissionStore.Issued issued;
        try {
            issued = store.issue(door.route(), count);
            link.up();
        } catch (Exception e) {
            link.down(e);
            door.notIssued(count);
            waiting.forEach(r -> r.result().completeExceptionally(e));
            return;
        }
        door.issued(issued.last(), count);
        long first = issued.last() - count + 1;
        for (int i = 0; i < count; i++) {
            waiting.get(i).result().complete(new Issued(issued.epoch(), first + i, issued.storeNow()));
        }
        LOG.debugf("Issued %s ticket(s) on %s up to %s", (Object) count, door.route(), issued.last());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package kr.civilportal.gateway.admission;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A second gateway replica's waiting room on one route, in the test's JVM: the gateway's own classes on the same
 * store (the app's admission datasource), ticking on its own thread as a replica does, with its own id, its own
 * requests in flight, and tickets signed with the shared key.
 */
final class OtherReplica implements AutoCloseable {

    final StoreLink link;
    final RouteDoor door;
    final TicketSigner signer;
    private final AdmissionSync sync;
    private final TicketIssuer issuer;
    private final ScheduledExecutorService ticks;

    OtherReplica(DataSource store, WaitingRoomConfig config, String route, int capacity, double rate) {
        link = new StoreLink("other-replica-" + (char) ('a' + new java.util.Random().nextInt(26))
                + (char) ('a' + new java.util.Random().nextInt(26)), true, Clock.systemUTC());
        long pass = config.passValidity().toMillis();
        door = new RouteDoor(route, capacity, rate,
                new RouteQueue(route, capacity, rate, pass, config.abandonAfter().toMillis()),
                new SharedQueue(pass), link, "Lother");
        PgAdmissionStore pg = new PgAdmissionStore(store, 2);
        sync = new AdmissionSync(pg, link, List.of(door), config.replicaTtl().toMillis(),
                config.abandonAfter().toMillis(), pass);
        issuer = new TicketIssuer(pg, link);
        signer = new TicketSigner(config.secret());
        sync.tick(System.currentTimeMillis());
        ticks = Executors.newSingleThreadScheduledExecutor();
        long tick = config.tick().toMillis();
        ticks.scheduleWithFixedDelay(() -> sync.tick(System.currentTimeMillis()), tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Requests in flight here that do not queue (officials'): they hold places of the route's capacity. */
    void hold(int requests) {
        for (int i = 0; i < requests; i++) {
            door.enterUnqueued();
        }
        reportNow();
    }

    /**
     * This replica's tick at once, on its own thread, and waited for: its requests in flight are in the store
     * before the test goes on. Until they are, an admission round (the gateway's, at its own tick) still counts the
     * route as this replica last reported it, and may let in a ticket the test expects to wait (seen in CI: a
     * ticket let in 50 ms after it was issued, "while the route was full").
     */
    private void reportNow() {
        try {
            ticks.submit(() -> sync.tick(System.currentTimeMillis())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the second replica's tick did not run", e);
        }
    }

    void releaseAll() {
        while (door.inFlight() > 0) {
            door.leave();
        }
    }

    /** A newcomer here who has to wait: its ticket, as this replica would sign it. */
    String ticket() throws Exception {
        TicketIssuer.Issued issued = issuer.request(door).get(10, TimeUnit.SECONDS);
        return signer.sign(new Ticket(issued.epoch(), door.route(), issued.number(), System.currentTimeMillis()));
    }

    long number(String ticket) {
        return signer.verify(ticket).number();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        issuer.close();
        sync.leave();
    }
}

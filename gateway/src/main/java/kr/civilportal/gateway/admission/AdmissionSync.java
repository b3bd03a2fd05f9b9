package kr.civilportal.gateway.admission;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replica's tick with the shared store, every {@code portal.gateway.waiting-room.tick}, on its own thread:
 * report this replica's requests in flight and the tickets polled here; when someone waits, try to be the
 * admitter for one round; read every route's state back. A tick that fails turns the link down (each replica
 * then takes its share of each route alone); the next tick that succeeds turns it up again. Plain (the store is
 * an interface), so the switching is tested without a server.
 */
final class AdmissionSync {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdmissionStore store;
    private final StoreLink link;
    private final List<RouteDoor> doors;
    private final long replicaTtlMillis;
    private final long abandonAfterMillis;
    private final long passValidityMillis;
    /** When this replica's ticks last started succeeding (this replica's clock); null while they fail. */
    private Long upSince;

    AdmissionSync(AdmissionStore store, StoreLink link, List<RouteDoor> doors, long replicaTtlMillis,
                  long abandonAfterMillis, long passValidityMillis) {
        this.store = store;
        this.link = link;
        this.doors = doors.stream().filter(d -> d.shared() != null).toList();
        this.replicaTtlMillis = replicaTtlMillis;
        this.abandonAfterMillis = abandonAfterMillis;
        this.passValidityMillis = passValidityMillis;
    }

    /**
     * One tick; {@code localNow} is this replica's clock (milliseconds). Never throws.
     *
     * <p>The order matters for the capacity: this replica works out its new allowance from the others' claims as
     * they stand (under the store's lock), takes a lower one at once, writes it as its claim, and only once that is
     * committed takes a higher one; so no replica ever counts on places another is using. Then, when someone
     * waits, one admitter's round; then the read of the queues.
     */
    void tick(long localNow) {
        if (doors.isEmpty()) {
            return;
        }
        Map<String, List<Long>> seen = new LinkedHashMap<>();
        doors.forEach(d -> seen.put(d.route(), d.shared().drainSeen()));
        try {
            Map<String, RouteDoor> byRoute = new LinkedHashMap<>();
            for (RouteDoor d : doors) {
                if (d.shared().epoch() == null) {
                    store.open(d.route(), newEpoch());
                }
                byRoute.put(d.route(), d);
            }
            Map<String, Integer> claimed = store.report(link.replica(), List.copyOf(byRoute.keySet()), seen,
                    replicaTtlMillis, (route, live) -> {
                        RouteDoor d = byRoute.get(route);
                        int inFlight = d.inFlight();
                        int allowance = AdmissionRound.allowance(d.capacity(), live, link.replica(), inFlight);
                        // Lower at once, before it is written; higher only once it is (below).
                        d.shared().allowance(Math.min(d.shared().allowance(), allowance));
                        return new AdmissionStore.Report(inFlight, allowance);
                    });
            claimed.forEach((route, allowance) -> byRoute.get(route).shared().allowance(allowance));
            if (upSince == null) {
                upSince = localNow;
            }
            if (doors.stream().anyMatch(d -> d.shared().waiting() > 0)) {
                store.admit(doors.stream().map(d -> new AdmissionStore.RouteLimits(d.route(), d.capacity(), d.rate()))
                        .toList(), replicaTtlMillis, abandonAfter(localNow), passValidityMillis);
            }
            Map<String, Long> known = new LinkedHashMap<>();
            doors.forEach(d -> known.put(d.route(), d.shared().knownThrough()));
            Map<String, AdmissionStore.RouteState> states = store.read(known, replicaTtlMillis);
            int replicas = 1;
            for (RouteDoor d : doors) {
                AdmissionStore.RouteState state = states.get(d.route());
                if (state == null) {
                    continue; // opened above, read at the next tick
                }
                d.shared().apply(new SharedQueue.Snapshot(state.epoch(), state.issued(), state.admittedThrough()),
                        state.newlyAdmitted(), state.storeNow());
                link.clockOffset(state.storeNow(), localNow);
                replicas = Math.max(replicas, state.replicas().size());
            }
            link.up(replicas);
            int n = replicas;
            doors.forEach(d -> d.shareAmong(n));
        } catch (Exception e) {
            // The polls stay remembered: holders who keep asking through an outage are not passed over after it.
            seen.forEach((route, numbers) -> doors.stream().filter(d -> d.route().equals(route)).findFirst()
                    .ifPresent(d -> d.shared().reseen(numbers)));
            link.down(e);
            upSince = null;
            int n = link.replicas();
            doors.forEach(d -> d.shareAmong(n));
        }
    }

    /**
     * Nobody is passed over in the first replica-ttl after this replica (re)gained the store: the polls other
     * replicas heard while the store was out reach it only at their own next tick, and holders who kept asking
     * must not lose their place to the first admitter back.
     */
    private long abandonAfter(long localNow) {
        return localNow - upSince < replicaTtlMillis ? Long.MAX_VALUE / 2 : abandonAfterMillis;
    }

    /** A replica going away takes its reports with it (they would count for another replica-ttl otherwise). */
    void leave() {
        try {
            store.leave(link.replica());
        } catch (Exception e) {
            // Gone anyway: its reports stop counting once they are older than the time-to-live.
        }
    }

    /** A queue's id, for a queue created now: letters and digits only (tickets are dot-separated). */
    static String newEpoch() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "s" + HexFormat.of().formatHex(bytes);
    }
}

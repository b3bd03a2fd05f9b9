package kr.civilportal.gateway.admission;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A stand-in for {@link PgAdmissionStore} in unit tests of the rules around it (several replicas' doors, syncs
 * and ticket threads on one store; the store going away and coming back): the same state in memory, decided by
 * the same {@link AdmissionRound}, on a clock the test moves. The PostgreSQL store itself is tested by the
 * gateway's {@code @QuarkusTest}s and the system test.
 */
final class MemoryAdmissionStore implements AdmissionStore {

    private record Route(String epoch, long[] issued, long[] mark, double[] credits, long[] lastRound,
                         TreeMap<Long, Long> lastSeen, Map<Long, Long> admitted) {
    }

    private final LongSupplier clock;
    private final Map<String, Route> routes = new HashMap<>();
    /** Route → replica → its last report, and when. */
    private final Map<String, Map<String, Reported>> reports = new HashMap<>();

    private record Reported(Report report, long at) {
    }
    /** While true every call fails, as with a store that cannot be reached. */
    final AtomicBoolean down = new AtomicBoolean();

    MemoryAdmissionStore(LongSupplier clock) {
        this.clock = clock;
    }

    private void reachable() throws SQLException {
        if (down.get()) {
            throw new SQLException("Connection to localhost:5432 refused");
        }
    }

    @Override
    public synchronized String open(String route, String newEpoch) throws SQLException {
        reachable();
        return routes.computeIfAbsent(route, r -> new Route(newEpoch, new long[1], new long[1], new double[1],
                new long[] {clock.getAsLong()}, new TreeMap<>(), new HashMap<>())).epoch();
    }

    @Override
    public synchronized Issued issue(String route, int count) throws SQLException {
        reachable();
        Route r = routes.get(route);
        long now = clock.getAsLong();
        for (int i = 0; i < count; i++) {
            r.lastSeen().put(++r.issued()[0], now);
        }
        return new Issued(r.epoch(), r.issued()[0], now);
    }

    @Override
    public synchronized Map<String, Integer> report(String replica, List<String> routeNames, Map<String, List<Long>> seen,
                                                    long replicaTtlMillis, ClaimRule claims) throws SQLException {
        reachable();
        long now = clock.getAsLong();
        Map<String, Integer> claimed = new LinkedHashMap<>();
        for (String route : routeNames) {
            Report report = claims.report(route, live(route, replicaTtlMillis, now));
            reports.computeIfAbsent(route, k -> new HashMap<>()).put(replica, new Reported(report, now));
            claimed.put(route, report.claimed());
        }
        seen.forEach((route, numbers) -> numbers.forEach(n -> routes.get(route).lastSeen().computeIfPresent(n, (k, v) -> now)));
        return claimed;
    }

    @Override
    public synchronized boolean admit(List<RouteLimits> limits, long replicaTtlMillis, long abandonAfterMillis,
                                      long passValidityMillis) throws SQLException {
        reachable();
        long now = clock.getAsLong();
        for (RouteLimits l : limits) {
            Route r = routes.get(l.route());
            int inFlight = live(l.route(), replicaTtlMillis, now).values().stream().mapToInt(Report::inFlight).sum();
            double credits = AdmissionRound.credits(r.credits()[0], now - r.lastRound()[0], l.rate());
            List<AdmissionRound.Candidate> candidates = r.lastSeen().tailMap(r.mark()[0], false).entrySet().stream()
                    .map(e -> new AdmissionRound.Candidate(e.getKey(), e.getValue())).toList();
            AdmissionRound.Outcome o = AdmissionRound.run(r.mark()[0], credits, l.capacity() - inFlight, candidates,
                    now, abandonAfterMillis);
            o.admitted().forEach(n -> r.admitted().put(n, now));
            r.lastSeen().headMap(o.admittedThrough(), true).clear();
            r.admitted().values().removeIf(at -> at < now - passValidityMillis);
            r.mark()[0] = o.admittedThrough();
            r.credits()[0] = o.credits();
            r.lastRound()[0] = now;
        }
        return true;
    }

    @Override
    public synchronized Map<String, RouteState> read(Map<String, Long> knownThrough, long replicaTtlMillis)
            throws SQLException {
        reachable();
        long now = clock.getAsLong();
        Map<String, RouteState> states = new LinkedHashMap<>();
        knownThrough.forEach((route, known) -> {
            Route r = routes.get(route);
            if (r == null) {
                return;
            }
            Map<Long, Long> newly = new HashMap<>();
            r.admitted().forEach((n, at) -> {
                if (n > known && n <= r.mark()[0]) {
                    newly.put(n, at);
                }
            });
            states.put(route, new RouteState(r.epoch(), r.issued()[0], r.mark()[0], live(route, replicaTtlMillis, now),
                    newly, now));
        });
        return states;
    }

    @Override
    public synchronized OptionalLong admittedAt(String route, long number) throws SQLException {
        reachable();
        Long at = routes.get(route).admitted().get(number);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    @Override
    public synchronized void leave(String replica) throws SQLException {
        reachable();
        reports.values().forEach(m -> m.remove(replica));
    }

    private Map<String, Report> live(String route, long ttl, long now) {
        Map<String, Report> live = new HashMap<>();
        reports.getOrDefault(route, Map.of()).forEach((replica, r) -> {
            if (r.at() > now - ttl) {
                live.put(replica, r.report());
            }
        });
        return live;
    }
}

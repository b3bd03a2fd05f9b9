package kr.civilportal.gateway.admission;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The shared waiting room in the gateway's PostgreSQL (tables of migration V3). Plain JDBC, few statements: a
 * tick is one report, one read and (when someone waits) one admitter's round; a burst of newcomers is one
 * statement per batch of tickets. Times are the database's ({@code clock_timestamp()}), so replicas with
 * different clocks agree on the rate, on abandonment and on a pass's window.
 */
final class PgAdmissionStore implements AdmissionStore {

    /**
     * The advisory lock whose holder is the admitter for the length of one transaction ("admissio" in ASCII).
     * Taken with {@code pg_try_advisory_xact_lock}: a replica that does not get it skips its round, and a replica
     * that dies mid-round loses it with its connection.
     */
    static final long ADMITTER_LOCK = 0x61646d697373696fL;
    /** The lock replicas take one at a time to report and claim places ("claimsxx" in ASCII). */
    static final long CLAIMS_LOCK = 0x636c61696d737878L;
    /** Waiting tickets read per step of a round: more than a round lets in at the usual rates. */
    private static final int CANDIDATES_PER_READ = 64;
    private static final String MILLIS = StoreJdbc.MILLIS;

    private final StoreJdbc jdbc;

    PgAdmissionStore(DataSource dataSource, int statementTimeoutSeconds) {
        this.jdbc = new StoreJdbc(dataSource, statementTimeoutSeconds);
    }

    @Override
    public String open(String route, String newEpoch) throws SQLException {
        return jdbc.withConnection(c -> {
            try (PreparedStatement s = prepare(c, """
                    INSERT INTO admission_route (route, epoch, last_round_at) VALUES (?, ?, clock_timestamp())
                    ON CONFLICT (route) DO NOTHING""")) {
                s.setString(1, route);
                s.setString(2, newEpoch);
                s.executeUpdate();
            }
            try (PreparedStatement s = prepare(c, "SELECT epoch FROM admission_route WHERE route = ?")) {
                s.setString(1, route);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    @Override
    public Issued issue(String route, int count) throws SQLException {
        // One statement: the counter's row stays locked until it commits, with the tickets' rows, so the
        // admitter sees numbers appear in number order.
        return jdbc.withConnection(c -> {
            try (PreparedStatement s = prepare(c, """
                     WITH bumped AS (
                         UPDATE admission_route SET issued = issued + ? WHERE route = ? RETURNING route, issued, epoch),
                     added AS (
                         INSERT INTO admission_ticket (route, number, issued_at, last_seen_at)
                         SELECT b.route, n, clock_timestamp(), clock_timestamp()
                         FROM bumped b, generate_series(b.issued - ? + 1, b.issued) AS n)
                     SELECT epoch, issued, %s FROM bumped""".formatted(MILLIS.formatted("clock_timestamp()")))) {
                s.setInt(1, count);
                s.setString(2, route);
                s.setInt(3, count);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("No shared queue for route " + route);
                    }
                    return new Issued(r.getString(1), r.getLong(2), r.getLong(3));
                }
            }
        });
    }

    @Override
    public Map<String, Integer> report(String replica, List<String> routes, Map<String, List<Long>> seen,
                                       long replicaTtlMillis, ClaimRule claims) throws SQLException {
        return jdbc.inTransaction(c -> report(c, replica, routes, seen, replicaTtlMillis, claims));
    }

    private Map<String, Integer> report(Connection c, String replica, List<String> routes, Map<String, List<Long>> seen,
                                        long replicaTtlMillis, ClaimRule claims) throws SQLException {
        // One replica at a time: each claim is worked out from the claims as they stand, not as they stood a tick ago.
        try (PreparedStatement s = prepare(c, "SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, CLAIMS_LOCK);
            s.executeQuery().close();
        }
        Map<String, Map<String, Report>> live = new HashMap<>();
        routes.forEach(r -> live.put(r, new HashMap<>()));
        try (PreparedStatement s = prepare(c, """
                SELECT route, replica, in_flight, claimed FROM admission_replica
                WHERE route = ANY(?) AND reported_at > clock_timestamp() - ? * interval '1 millisecond'""")) {
            s.setArray(1, c.createArrayOf("varchar", routes.toArray()));
            s.setLong(2, replicaTtlMillis);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    live.get(r.getString(1)).put(r.getString(2), new Report(r.getInt(3), r.getInt(4)));
                }
            }
        }
        Map<String, Report> mine = new LinkedHashMap<>();
        routes.forEach(route -> mine.put(route, claims.report(route, live.get(route))));
        try (PreparedStatement s = prepare(c, """
                INSERT INTO admission_replica (route, replica, in_flight, claimed, reported_at)
                SELECT t.route, ?, t.in_flight, t.claimed, clock_timestamp()
                FROM unnest(?::varchar[], ?::int[], ?::int[]) AS t(route, in_flight, claimed)
                ON CONFLICT (route, replica) DO UPDATE SET in_flight = excluded.in_flight, claimed = excluded.claimed,
                    reported_at = excluded.reported_at""")) {
            s.setString(1, replica);
            s.setArray(2, c.createArrayOf("varchar", mine.keySet().toArray()));
            s.setArray(3, c.createArrayOf("int4", mine.values().stream().map(Report::inFlight).toArray()));
            s.setArray(4, c.createArrayOf("int4", mine.values().stream().map(Report::claimed).toArray()));
            s.executeUpdate();
        }
        List<String> seenRoutes = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        seen.forEach((route, list) -> list.forEach(n -> {
            seenRoutes.add(route);
            numbers.add(n);
        }));
        if (!numbers.isEmpty()) {
            try (PreparedStatement s = prepare(c, """
                    UPDATE admission_ticket t SET last_seen_at = clock_timestamp()
                    FROM unnest(?::varchar[], ?::bigint[]) AS seen(route, number)
                    WHERE t.route = seen.route AND t.number = seen.number AND t.state = 'WAITING'""")) {
                s.setArray(1, c.createArrayOf("varchar", seenRoutes.toArray()));
                s.setArray(2, c.createArrayOf("int8", numbers.toArray()));
                s.executeUpdate();
            }
        }
        Map<String, Integer> claimed = new LinkedHashMap<>();
        mine.forEach((route, report) -> claimed.put(route, report.claimed()));
        return claimed;
    }

    @Override
    public boolean admit(List<RouteLimits> routes, long replicaTtlMillis, long abandonAfterMillis,
                         long passValidityMillis) throws SQLException {
        return jdbc.inTransaction(c -> admit(c, routes, replicaTtlMillis, abandonAfterMillis, passValidityMillis));
    }

    private boolean admit(Connection c, List<RouteLimits> routes, long replicaTtlMillis, long abandonAfterMillis,
                          long passValidityMillis) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, ADMITTER_LOCK);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    return false; // another replica is admitting right now
                }
            }
        }
        for (RouteLimits limits : routes) {
            admitRoute(c, limits, replicaTtlMillis, abandonAfterMillis, passValidityMillis);
        }
        // Replicas that stopped reporting long ago (killed, scaled down): their rows no longer count anyway.
        try (PreparedStatement s = prepare(c, """
                DELETE FROM admission_replica WHERE reported_at < clock_timestamp() - ? * interval '1 millisecond'""")) {
            s.setLong(1, replicaTtlMillis * 30);
            s.executeUpdate();
        }
        return true;
    }

    private void admitRoute(Connection c, RouteLimits limits, long replicaTtlMillis, long abandonAfterMillis,
                            long passValidityMillis) throws SQLException {
        long mark;
        double saved;
        long lastRound;
        long now;
        int inFlight;
        try (PreparedStatement s = prepare(c, """
                SELECT r.admitted_through, r.credits, %s, %s,
                       (SELECT coalesce(sum(p.in_flight), 0) FROM admission_replica p
                        WHERE p.route = r.route AND p.reported_at > clock_timestamp() - ? * interval '1 millisecond')
                FROM admission_route r WHERE r.route = ?"""
                .formatted(MILLIS.formatted("r.last_round_at"), MILLIS.formatted("clock_timestamp()")))) {
            s.setLong(1, replicaTtlMillis);
            s.setString(2, limits.route());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                mark = r.getLong(1);
                saved = r.getDouble(2);
                lastRound = r.getLong(3);
                now = r.getLong(4);
                inFlight = r.getInt(5);
            }
        }
        double credits = AdmissionRound.credits(saved, now - lastRound, limits.rate());
        int headroom = limits.capacity() - inFlight;
        List<Long> admitted = new ArrayList<>();
        List<Long> passed = new ArrayList<>();
        long through = mark;
        while (true) {
            List<AdmissionRound.Candidate> candidates = candidates(c, limits.route(), through);
            AdmissionRound.Outcome outcome = AdmissionRound.run(through, credits, headroom, candidates, now,
                    abandonAfterMillis);
            admitted.addAll(outcome.admitted());
            passed.addAll(outcome.passedOver());
            headroom -= outcome.admitted().size();
            credits = outcome.credits();
            boolean walkedThemAll = !candidates.isEmpty()
                    && outcome.admittedThrough() == candidates.get(candidates.size() - 1).number();
            through = outcome.admittedThrough();
            // More to read only if this batch was used up and there is still room for more.
            if (!walkedThemAll || candidates.size() < CANDIDATES_PER_READ) {
                break;
            }
        }
        if (!admitted.isEmpty()) {
            try (PreparedStatement s = prepare(c, """
                    UPDATE admission_ticket SET state = 'ADMITTED', admitted_at = to_timestamp(? / 1000.0)
                    WHERE route = ? AND number = ANY(?)""")) {
                s.setLong(1, now);
                s.setString(2, limits.route());
                s.setArray(3, c.createArrayOf("int8", admitted.toArray()));
                s.executeUpdate();
            }
        }
        // Passed-over tickets go at once; let-in ones once their pass has run out.
        try (PreparedStatement s = prepare(c, """
                DELETE FROM admission_ticket WHERE route = ? AND number <= ?
                  AND (state <> 'ADMITTED' OR admitted_at < to_timestamp(? / 1000.0))""")) {
            s.setString(1, limits.route());
            s.setLong(2, through);
            s.setLong(3, now - passValidityMillis);
            s.executeUpdate();
        }
        try (PreparedStatement s = prepare(c, """
                UPDATE admission_route SET admitted_through = ?, credits = ?, last_round_at = to_timestamp(? / 1000.0)
                WHERE route = ?""")) {
            s.setLong(1, through);
            s.setDouble(2, credits);
            s.setLong(3, now);
            s.setString(4, limits.route());
            s.executeUpdate();
        }
    }

    private List<AdmissionRound.Candidate> candidates(Connection c, String route, long after) throws SQLException {
        List<AdmissionRound.Candidate> list = new ArrayList<>();
        try (PreparedStatement s = prepare(c, """
                SELECT number, %s FROM admission_ticket WHERE route = ? AND number > ? ORDER BY number LIMIT ?"""
                .formatted(MILLIS.formatted("last_seen_at")))) {
            s.setString(1, route);
            s.setLong(2, after);
            s.setInt(3, CANDIDATES_PER_READ);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new AdmissionRound.Candidate(r.getLong(1), r.getLong(2)));
                }
            }
        }
        return list;
    }

    @Override
    public Map<String, RouteState> read(Map<String, Long> knownThrough, long replicaTtlMillis) throws SQLException {
        // One statement, so one snapshot: the mark and the admissions under it agree.
        return jdbc.withConnection(c -> {
            Map<String, RouteState> states = new LinkedHashMap<>();
            try (PreparedStatement s = prepare(c, """
                     SELECT r.route, r.epoch, r.issued, r.admitted_through, %s,
                            p.replicas, p.in_flight, p.claimed, a.numbers, a.admitted_at
                     FROM admission_route r
                     JOIN unnest(?::varchar[], ?::bigint[]) AS k(route, known) ON k.route = r.route
                     LEFT JOIN LATERAL (
                         SELECT array_agg(x.replica ORDER BY x.replica) AS replicas,
                                array_agg(x.in_flight ORDER BY x.replica) AS in_flight,
                                array_agg(x.claimed ORDER BY x.replica) AS claimed
                         FROM admission_replica x
                         WHERE x.route = r.route AND x.reported_at > now() - ? * interval '1 millisecond') p ON true
                     LEFT JOIN LATERAL (
                         SELECT array_agg(t.number ORDER BY t.number) AS numbers,
                                array_agg(%s ORDER BY t.number) AS admitted_at
                         FROM admission_ticket t
                         WHERE t.route = r.route AND t.state = 'ADMITTED'
                           AND t.number > k.known AND t.number <= r.admitted_through) a ON true"""
                     .formatted(MILLIS.formatted("now()"), MILLIS.formatted("t.admitted_at")))) {
                s.setArray(1, c.createArrayOf("varchar", knownThrough.keySet().toArray()));
                s.setArray(2, c.createArrayOf("int8", knownThrough.values().toArray()));
                s.setLong(3, replicaTtlMillis);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Map<String, Report> reports = new HashMap<>();
                        String[] replicas = strings(r.getArray(6));
                        Integer[] flights = ints(r.getArray(7));
                        Integer[] claims = ints(r.getArray(8));
                        for (int i = 0; i < replicas.length; i++) {
                            reports.put(replicas[i], new Report(flights[i], claims[i]));
                        }
                        Map<Long, Long> admitted = new HashMap<>();
                        Long[] numbers = longs(r.getArray(9));
                        Long[] at = longs(r.getArray(10));
                        for (int i = 0; i < numbers.length; i++) {
                            admitted.put(numbers[i], at[i]);
                        }
                        states.put(r.getString(1), new RouteState(r.getString(2), r.getLong(3), r.getLong(4), reports,
                                admitted, r.getLong(5)));
                    }
                }
            }
            return states;
        });
    }

    @Override
    public OptionalLong admittedAt(String route, long number) throws SQLException {
        return jdbc.withConnection(c -> {
            try (PreparedStatement s = prepare(c, "SELECT %s FROM admission_ticket WHERE route = ? AND number = ? AND state = 'ADMITTED'"
                     .formatted(MILLIS.formatted("admitted_at")))) {
                s.setString(1, route);
                s.setLong(2, number);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public void leave(String replica) throws SQLException {
        jdbc.update("DELETE FROM admission_replica WHERE replica = ?", (s, c) -> s.setString(1, replica));
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return jdbc.prepare(c, sql);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Integer[] ints(Array array) throws SQLException {
        return array == null ? new Integer[0] : (Integer[]) array.getArray();
    }

    private static Long[] longs(Array array) throws SQLException {
        return array == null ? new Long[0] : (Long[]) array.getArray();
    }
}

package kr.civilportal.gateway.ratelimit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.gateway.admission.StoreJdbc;

/**
 * Table {@code rate_limit_usage} (migration V3): what each replica let through, per route and client key, one row
 * per client and exchange. Append-only; rows older than a few seconds are deleted.
 */
final class UsageLog {

    /** A row: {@code recordedAt} in milliseconds on the store's clock. */
    record Row(long id, String route, String clientKey, long consumed, long recordedAt) {
    }

    /** The rows another replica wrote since the given time, and the store's clock when they were read. */
    record Read(List<Row> rows, long storeNow) {
    }

    /** What this replica let through on one route for one client. */
    record Entry(String route, String clientKey, long consumed) {
    }

    private static final String MILLIS = StoreJdbc.MILLIS;

    private final StoreJdbc jdbc;

    UsageLog(DataSource dataSource, int statementTimeoutSeconds) {
        this.jdbc = new StoreJdbc(dataSource, statementTimeoutSeconds);
    }

    void record(String replica, List<Entry> entries) throws SQLException {
        jdbc.update("""
                INSERT INTO rate_limit_usage (replica, route, client_key, consumed, recorded_at)
                SELECT ?, u.route, u.client_key, u.consumed, clock_timestamp()
                FROM unnest(?::varchar[], ?::varchar[], ?::int[]) AS u(route, client_key, consumed)""", (s, c) -> {
            s.setString(1, replica);
            s.setArray(2, c.createArrayOf("varchar", entries.stream().map(Entry::route).toArray()));
            s.setArray(3, c.createArrayOf("varchar", entries.stream().map(Entry::clientKey).toArray()));
            s.setArray(4, c.createArrayOf("int4", entries.stream()
                    .map(e -> (int) Math.min(Integer.MAX_VALUE, e.consumed())).toArray()));
        });
    }

    /**
     * Other replicas' rows recorded after {@code sinceMillis} (store clock); null: the last {@code overlapMillis}
     * (a replica that has just started counts only what is recent).
     */
    Read since(String replica, Long sinceMillis, long overlapMillis) throws SQLException {
        return jdbc.withConnection(c -> {
            long now;
            try (PreparedStatement s = jdbc.prepare(c, "SELECT " + MILLIS.formatted("clock_timestamp()"));
                 ResultSet r = s.executeQuery()) {
                r.next();
                now = r.getLong(1);
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = jdbc.prepare(c, """
                    SELECT id, route, client_key, consumed, %s FROM rate_limit_usage
                    WHERE replica <> ? AND recorded_at > to_timestamp(? / 1000.0) ORDER BY id"""
                    .formatted(MILLIS.formatted("recorded_at")))) {
                s.setString(1, replica);
                s.setLong(2, sinceMillis == null ? now - overlapMillis : sinceMillis);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                    }
                }
            }
            return new Read(rows, now);
        });
    }

    void purge(long olderThanMillis) throws SQLException {
        jdbc.update("DELETE FROM rate_limit_usage WHERE recorded_at < to_timestamp(? / 1000.0)",
                (s, c) -> s.setLong(1, olderThanMillis));
    }
}

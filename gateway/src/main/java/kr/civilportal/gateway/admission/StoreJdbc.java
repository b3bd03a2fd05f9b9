package kr.civilportal.gateway.admission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Statements on the shared store, for the waiting room ({@link PgAdmissionStore}) and the rate-limit exchange
 * ({@code ratelimit.UsageLog}): each gives up after the store's statement time-out, since a store slower than
 * that counts as down (the caller reports the failure to its {@link StoreLink} and goes on alone).
 */
public final class StoreJdbc {

    /** A time in the store as epoch milliseconds, for SQL. */
    public static final String MILLIS = "(extract(epoch FROM %s) * 1000)::bigint";

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface Binding {
        void bind(PreparedStatement s, Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public StoreJdbc(DataSource dataSource, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.timeoutSeconds = Math.max(1, timeoutSeconds);
    }

    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(timeoutSeconds);
        return s;
    }

    public <T> T withConnection(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    /** Commits what {@code work} did, or rolls all of it back if it fails. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** One statement on a connection of its own. */
    public void update(String sql, Binding binding) throws SQLException {
        withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql)) {
                binding.bind(s, c);
                return s.executeUpdate();
            }
        });
    }
}

package kr.civilportal.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts rows in the service's own database, the way a test checks that a write happened once or not at all. */
public final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} (a {@code SELECT count(*) ...} with {@code ?} parameters) selects. */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count: " + sql, e);
        }
    }
}

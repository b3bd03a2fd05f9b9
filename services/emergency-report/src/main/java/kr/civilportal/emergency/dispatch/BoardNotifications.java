package kr.civilportal.emergency.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Tells every replica's board that a report changed, through PostgreSQL {@code NOTIFY}: sent inside the
 * caller's transaction, so it is delivered when (and only if) the change commits, to every replica listening
 * ({@link BoardListener}), in commit order. Only the event name and the report id travel (a notification
 * holds at most 8000 bytes); each replica reads the report itself.
 */
@ApplicationScoped
public class BoardNotifications {

    static final String CHANNEL = "emergency_board";

    private final DataSource dataSource;

    BoardNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Must run inside the transaction of the change (it uses that transaction's connection). */
    public void publish(String eventName, UUID reportId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, eventName + ":" + reportId);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("The board notification could not be queued", e);
        }
    }
}

package kr.civilportal.passport.appointment;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Test data written straight to the database: slots of a chosen capacity, applications of synthetic users. */
final class SlotFixtures {

    private SlotFixtures() {
    }

    /** A slot in the demo office some time in the coming days (the random offset keeps office and time unique). */
    static UUID slot(DataSource dataSource, int capacity) throws SQLException {
        UUID id = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked)
                VALUES (?, 'SEOUL-JONGNO', now() + interval '1 day' + random() * interval '5 days', ?, 0)""")) {
            s.setObject(1, id);
            s.setInt(2, capacity);
            s.executeUpdate();
        }
        return id;
    }

    static UUID readyApplication(DataSource dataSource, String subject) throws SQLException {
        UUID id = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO passport_application (id, applicant_subject, kind, validity, pages, status,
                    submitted_at, updated_at)
                VALUES (?, ?, 'NEW', 'TEN_YEARS', 58, 'READY_FOR_PICKUP', now(), now())""")) {
            s.setObject(1, id);
            s.setString(2, subject);
            s.executeUpdate();
        }
        return id;
    }

    static long count(DataSource dataSource, String sql, UUID id) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long bookings(DataSource dataSource, UUID slot) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM pickup_booking WHERE slot_id = ?", slot);
    }

    static long booked(DataSource dataSource, UUID slot) throws SQLException {
        return count(dataSource, "SELECT booked FROM pickup_slot WHERE id = ?", slot);
    }
}

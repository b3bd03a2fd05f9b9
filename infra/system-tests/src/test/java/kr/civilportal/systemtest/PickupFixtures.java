package kr.civilportal.systemtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Passport's fixtures for a booking rush, written straight into passport's database in one transaction: a test
 * office, its pickup slots, and an application ready for pickup per applicant (a state a citizen reaches only after
 * an officer's work, which is not what a rush test is about).
 */
final class PickupFixtures {

    /** What was made: the slots, one hour apart, and the applications, in the order of the subjects given. */
    record Seeded(List<UUID> slots, List<UUID> applications) {
    }

    private PickupFixtures() {
    }

    /**
     * The office (made once: a test may seed several rounds), {@code slots} slots of {@code places} places from
     * {@code firstHour} hours after three days from today, and one application for each subject.
     */
    static Seeded seed(Connection c, String office, String officeName, int slots, int firstHour, int places,
                       List<String> applicantSubjects) throws SQLException {
        List<UUID> slotIds = new ArrayList<>();
        List<UUID> applications = new ArrayList<>();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO pickup_office (id, name, address) VALUES (?, ?, '-') ON CONFLICT (id) DO NOTHING""")) {
            s.setString(1, office);
            s.setString(2, officeName);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked)
                VALUES (?, ?, date_trunc('day', now()) + interval '3 days' + ? * interval '1 hour', ?, 0)""")) {
            for (int i = 0; i < slots; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setString(2, office);
                s.setInt(3, firstHour + i);
                s.setInt(4, places);
                s.addBatch();
                slotIds.add(id);
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO passport_application (id, applicant_subject, kind, validity, pages, status,
                    submitted_at, updated_at, identity_check, identity_checked_at)
                VALUES (?, ?, 'NEW', 'TEN_YEARS', 58, 'READY_FOR_PICKUP', now(), now(), 'VERIFIED', now())""")) {
            for (String subject : applicantSubjects) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setString(2, subject);
                s.addBatch();
                applications.add(id);
            }
            s.executeBatch();
        }
        c.commit();
        return new Seeded(slotIds, applications);
    }
}

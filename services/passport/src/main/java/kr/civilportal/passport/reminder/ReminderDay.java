package kr.civilportal.passport.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which day's appointments and deadlines to remind of at a moment: the day {@code daysAhead} after today, today
 * being the day in the applicant's time zone (Korea), not in the server's. A pickup at 00:30 on 12-08 in Korea is
 * reminded of on 12-07 in Korea, though that is still 12-06 in UTC when the reminder goes.
 *
 * @param zone the zone whose calendar the applicant lives by
 * @param daysAhead how many days before the appointment or deadline to remind (1: the day before)
 */
public record ReminderDay(ZoneId zone, int daysAhead) {

    public ReminderDay {
        if (daysAhead < 1) {
            // Reminding on the day itself (or after) would tell of a pickup that may already have passed.
            throw new IllegalArgumentException("A reminder comes at least a day ahead, not " + daysAhead);
        }
    }

    /** The day whose pickups and supplement deadlines are reminded of at {@code now}. */
    public LocalDate dayToRemindOf(Instant now) {
        return now.atZone(zone).toLocalDate().plusDays(daysAhead);
    }

    /** The first instant of {@code day} in the zone: pickups from here on that day are reminded of. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code day} in the zone (a day may be 23 or 25 hours long where clocks change). */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}

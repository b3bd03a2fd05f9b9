package kr.civilportal.residency.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import kr.civilportal.common.time.WorkingDays;

/**
 * A short statutory processing period (민원 처리기간 of five days or less) and its deadline (처리기한), counted as the
 * Civil Petitions Act's enforcement decree counts one: in hours from the moment of receipt, only office hours of
 * working days counting (Saturdays, Sundays and public holidays not), a day being eight office hours. A petition
 * received after hours starts counting when the office next opens. All times are the office's local times.
 *
 * @param hours          the period in office hours (8 for a period of one day)
 * @param officeHours    the day's office hours, in order and not overlapping (e.g. 09:00-12:00 and 13:00-18:00:
 *                       the lunch hour does not count)
 * @param calendar       the public offices' working days (portal-common's {@link WorkingDays}, one list of public
 *                       holidays for every service)
 */
public record WorkingHoursPeriod(int hours, List<Span> officeHours, WorkingDays calendar) {

    /** Office hours from {@code start} until {@code end}. */
    public record Span(LocalTime start, LocalTime end) {

        public Span {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("Office hours end after they start: " + start + "-" + end);
            }
        }

        /** {@code 09:00-12:00}. */
        public static Span parse(String text) {
            String[] ends = text.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("Office hours are written 09:00-12:00, not " + text);
            }
            return new Span(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
        }
    }

    public WorkingHoursPeriod {
        if (hours <= 0) {
            throw new IllegalArgumentException("A processing period is at least an hour");
        }
        if (officeHours.isEmpty()) {
            throw new IllegalArgumentException("Office hours are needed to count a period in hours");
        }
        for (int i = 1; i < officeHours.size(); i++) {
            if (officeHours.get(i).start().isBefore(officeHours.get(i - 1).end())) {
                throw new IllegalArgumentException("Office hours must be in order and not overlap: " + officeHours);
            }
        }
        officeHours = List.copyOf(officeHours);
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** Whether any public holiday of {@code day}'s year is listed (the list is kept by hand, a year at a time). */
    public boolean holidaysListedFor(LocalDate day) {
        return calendar.holidaysListedFor(day);
    }

    /** The moment the period ends for a petition received at {@code received}. */
    public LocalDateTime dueAt(LocalDateTime received) {
        return after(received, Duration.ofHours(hours));
    }

    /**
     * The moment {@code left} office time has passed from {@code from} (the period resumed after a pause, e.g. a
     * supplement: the office hours it had left still count, from the moment it resumes). Nothing left: the moment the
     * office next opens (or {@code from}, when it is open).
     */
    public LocalDateTime after(LocalDateTime from, Duration left) {
        if (left.isNegative()) {
            throw new IllegalArgumentException("No negative office time: " + left);
        }
        return count(from, left);
    }

    /**
     * The office time between two moments (zero when {@code to} is not after {@code from}): what remained of a period
     * at {@code from} when it ends at {@code to}.
     */
    public Duration officeTimeBetween(LocalDateTime from, LocalDateTime to) {
        Duration total = Duration.ZERO;
        LocalDate day = from.toLocalDate();
        while (!day.isAfter(to.toLocalDate())) {
            if (isWorkingDay(day)) {
                for (Span span : officeHours) {
                    LocalDateTime start = max(day.atTime(span.start()), from);
                    LocalDateTime end = min(day.atTime(span.end()), to);
                    if (start.isBefore(end)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private LocalDateTime count(LocalDateTime received, Duration period) {
        Duration left = period;
        LocalDate day = received.toLocalDate();
        LocalTime from = received.toLocalTime();
        while (true) {
            if (isWorkingDay(day)) {
                for (Span span : officeHours) {
                    LocalTime start = from.isAfter(span.start()) ? from : span.start();
                    if (!start.isBefore(span.end())) {
                        continue;
                    }
                    Duration open = Duration.between(start, span.end());
                    if (left.compareTo(open) <= 0) {
                        return day.atTime(start.plus(left));
                    }
                    left = left.minus(open);
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIN;
        }
    }
}

package kr.civilportal.passport.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A petition's statutory processing period (민원 처리기간) and its deadline (처리기한), counted as the Civil
 * Petitions Act's enforcement decree counts a period of six days or more: in days, the day of receipt included,
 * Saturdays and public holidays (Sundays among them) not counted. The time a supplement took (보완) does not
 * count either: the deadline moves on by the working days the petition waited for the citizen.
 *
 * @param workingDays    the period in working days (6 or more: shorter ones are counted in hours, not modelled)
 * @param publicHolidays the public holidays (관공서의 공휴일, substitute holidays included) besides Sundays
 */
public record ProcessingPeriod(int workingDays, Set<LocalDate> publicHolidays) {

    /** Below this the decree counts in hours from the time of receipt, which this class does not do. */
    static final int COUNTED_IN_DAYS_FROM = 6;

    public ProcessingPeriod {
        if (workingDays < COUNTED_IN_DAYS_FROM) {
            throw new IllegalArgumentException("A period under " + COUNTED_IN_DAYS_FROM
                    + " days is counted in hours: not modelled");
        }
        publicHolidays = Set.copyOf(publicHolidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !publicHolidays.contains(day);
    }

    /**
     * Whether any public holiday of {@code day}'s year is listed. The list is kept by hand, a year at a time, as
     * 인사혁신처 announces it: a deadline in a year with none listed counts that year's holidays as working days,
     * so it may come a day or more too early.
     */
    public boolean holidaysListedFor(LocalDate day) {
        return publicHolidays.stream().anyMatch(holiday -> holiday.getYear() == day.getYear());
    }

    /** The last day of the period for a petition received on {@code received} (counted if it is a working day). */
    public LocalDate dueOn(LocalDate received) {
        return afterWorkingDays(received, workingDays);
    }

    /**
     * The deadline moved on by the time a supplement took: the working days from the day it was asked for up to
     * the day before the citizen answered ({@code [asked, answered)}).
     */
    public LocalDate extended(LocalDate dueOn, LocalDate asked, LocalDate answered) {
        int waited = 0;
        for (LocalDate d = asked; d.isBefore(answered); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                waited++;
            }
        }
        return waited == 0 ? dueOn : afterWorkingDays(dueOn.plusDays(1), waited);
    }

    /** The {@code n}-th working day counting {@code from} itself. */
    private LocalDate afterWorkingDays(LocalDate from, int n) {
        int counted = 0;
        LocalDate day = from;
        while (true) {
            if (isWorkingDay(day)) {
                counted++;
                if (counted == n) {
                    return day;
                }
            }
            day = day.plusDays(1);
        }
    }
}

package kr.civilportal.passport.deadline;

import java.time.LocalDate;
import kr.civilportal.common.time.WorkingDays;

/**
 * A petition's statutory processing period (민원 처리기간) and its deadline (처리기한), counted as the Civil
 * Petitions Act's enforcement decree counts a period of six days or more: in days, the day of receipt included,
 * Saturdays and public holidays (Sundays among them) not counted. The time a supplement took (보완) does not
 * count either: the deadline moves on by the working days the petition waited for the citizen.
 *
 * @param workingDays the period in working days (6 or more: shorter ones are counted in hours, not modelled)
 * @param calendar    the public offices' working days (portal-common's {@link WorkingDays}, one list for every
 *                    service)
 */
public record ProcessingPeriod(int workingDays, WorkingDays calendar) {

    /** Below this the decree counts in hours from the time of receipt, which this class does not do. */
    static final int COUNTED_IN_DAYS_FROM = 6;

    public ProcessingPeriod {
        if (workingDays < COUNTED_IN_DAYS_FROM) {
            throw new IllegalArgumentException("A period under " + COUNTED_IN_DAYS_FROM
                    + " days is counted in hours: not modelled");
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /**
     * Whether any public holiday of {@code day}'s year is listed. The list is kept by hand, a year at a time, as
     * 인사혁신처 announces it: a deadline in a year with none listed counts that year's holidays as working days,
     * so it may come a day or more too early.
     */
    public boolean holidaysListedFor(LocalDate day) {
        return calendar.holidaysListedFor(day);
    }

    /** The last day of the period for a petition received on {@code received} (counted if it is a working day). */
    public LocalDate dueOn(LocalDate received) {
        return calendar.nthWorkingDay(received, workingDays);
    }

    /**
     * The deadline moved on by the time a supplement took: the working days from the day it was asked for up to
     * the day before the citizen answered ({@code [asked, answered)}).
     */
    public LocalDate extended(LocalDate dueOn, LocalDate asked, LocalDate answered) {
        int waited = calendar.workingDaysBetween(asked, answered);
        return waited == 0 ? dueOn : calendar.nthWorkingDay(dueOn.plusDays(1), waited);
    }
}

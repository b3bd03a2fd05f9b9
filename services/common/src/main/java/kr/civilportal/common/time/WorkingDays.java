package kr.civilportal.common.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The working days of public offices (관공서의 공휴일에 관한 규정): every day but Saturdays, Sundays and the public
 * holidays on weekdays (substitute holidays and election days included), the calendar every statutory processing
 * period (민원 처리기간) is counted in. The list is kept by hand, a year at a time, as 인사혁신처 announces it, once
 * for every service: {@code portal.public-holidays} in portal-common's {@code META-INF/microprofile-config.properties}.
 * A plain value: each service builds one from that setting and counts its own period with it.
 */
public record WorkingDays(Set<LocalDate> publicHolidays) {

    /** The setting every service reads the list from (a service may override it in its own configuration). */
    public static final String SETTING = "portal.public-holidays";

    public WorkingDays {
        publicHolidays = Set.copyOf(publicHolidays);
    }

    /** {@code 2026-01-01,2026-02-16,…} as the setting writes it. */
    public static WorkingDays parse(String commaSeparated) {
        return new WorkingDays(Stream.of(commaSeparated.split(","))
                .map(String::strip).filter(day -> !day.isEmpty()).map(LocalDate::parse)
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !publicHolidays.contains(day);
    }

    /**
     * Whether any public holiday of {@code day}'s year is listed: a deadline in a year with none listed counts that
     * year's holidays as working days, so it may come a day or more too early (the caller warns).
     */
    public boolean holidaysListedFor(LocalDate day) {
        return publicHolidays.stream().anyMatch(holiday -> holiday.getYear() == day.getYear());
    }

    /** The {@code n}-th working day counting {@code from} itself ({@code n} of 1: {@code from} if it is one). */
    public LocalDate nthWorkingDay(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Working days are counted from 1, not " + n);
        }
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

    /** The working days in {@code [from, until)}. */
    public int workingDaysBetween(LocalDate from, LocalDate until) {
        int days = 0;
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}

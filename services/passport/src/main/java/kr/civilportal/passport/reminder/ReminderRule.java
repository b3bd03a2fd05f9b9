package kr.civilportal.passport.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.PassportSettings;

/** The configured {@link ReminderDay}: Korea's calendar, {@code portal.passport.reminders.days-ahead} ahead. */
@ApplicationScoped
public class ReminderRule {

    private final ReminderDay day;

    ReminderRule(PassportSettings settings) {
        this.day = new ReminderDay(KoreanTime.ZONE, settings.reminders().daysAhead());
    }

    public ReminderDay day() {
        return day;
    }
}

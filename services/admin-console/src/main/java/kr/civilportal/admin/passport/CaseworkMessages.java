package kr.civilportal.admin.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of casework in the passport queue: who holds a case (담당), its deadline (처리기한) and the office's day
 * (처리 현황) ({@code {casework:...}} in templates): Korean by default ({@code messages/casework_ko.properties}),
 * English complete ({@code messages/casework_en.properties}, checked by a test). A bundle of its own: the console's
 * main bundle is at the size where more keys broke its build.
 */
@MessageBundle(value = "casework", locale = "ko")
public interface CaseworkMessages {

    @Message String counts_title();
    @Message String counts_received();
    @Message String counts_in_progress();
    @Message String counts_waiting();
    @Message String counts_overdue();
    @Message String counts_done_today();
    @Message String due();
    @Message String due_left(long days);
    @Message String due_today();
    @Message String overdue();

    @Message String filter();
    @Message String filter_all();
    @Message String held(Application.Held value);
    @Message String held_by_other();
    @Message String holder();
    @Message String nobody();
    /** A final application: let go when it was finished. */
    @Message String closed();
    @Message String office();
    @Message String release();
    @Message String released();
    @Message String section();
    @Message String since();
    @Message String take();
    @Message String take_help();
    @Message String takeover();
    @Message String takeover_reason();
    @Message String takeover_help();
    @Message String takeover_err_reason();
    @Message String taken_over();
    @Message String taken_over_from(String officer, String reason);
    @Message String taken();
    @Message String yours();
}

package kr.civilportal.citizen.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of 알림함 and 알림 설정, and the menu's 알림 ({@code {notification:...}} in templates): Korean by default
 * ({@code messages/notification_ko.properties}), English complete ({@code messages/notification_en.properties},
 * checked by {@code MessagesTest}). A bundle of its own: the main one is at the size where more keys break the
 * build (a VerifyError in the generated bundle, see {@code HouseholdMessages}).
 */
@MessageBundle(value = "notification", locale = "ko")
public interface NotificationMessages {

    /** The menu's entry: 알림. */
    @Message String nav();

    /** The menu badge's words for screen readers, after 알림: "3건 읽지 않음". */
    @Message String badge(long n);

    @Message String title();
    @Message String lead();
    /** The dashboard's link to the inbox. */
    @Message String link();
    /** On the inbox: how many are unread. */
    @Message String unread_count(long n);
    @Message String unread();
    @Message String read();
    @Message String none();
    @Message String when();
    @Message String mark_read();
    @Message String marked();
    @Message String paging();
    @Message String previous();
    @Message String next();
    @Message String page_of(int page, int pages);

    @Message String settings_link();
    @Message String settings_title();
    @Message String settings_lead();
    @Message String language();
    @Message String language_help();
    @Message String language_ko();
    @Message String language_en();
    @Message String email();
    @Message String email_help();
    @Message String email_enabled();
    @Message String email_enabled_help();
    @Message String phone();
    @Message String phone_help();
    /** The hint with the stored number, masked as the service returns it. */
    @Message String phone_current(String number);
    @Message String phone_none();
    @Message String phone_remove();
    @Message String phone_remove_help();
    @Message String sms_enabled();
    @Message String sms_enabled_help();
    @Message String kakao_enabled();
    @Message String kakao_enabled_help();
    @Message String quiet_hours();
    @Message String quiet_hours_help();
    @Message String save();
    @Message String saved();
    @Message String err_language();
    @Message String err_email();
    @Message String err_email_enabled();
    @Message String err_phone();
    @Message String err_phone_needed();
    @Message String err_phone_remove();
    @Message String err_failed();
}

package kr.civilportal.admin.relay;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the held 119 reports' pages ({@code {relay:...}} in templates): Korean by default
 * ({@code messages/relay_ko.properties}), English complete ({@code messages/relay_en.properties}, checked by a test).
 */
@MessageBundle(value = "relay", locale = "ko")
public interface RelayMessages {

    @Message String attachments();
    @Message String attempts();
    @Message String back();
    @Message String content();
    @Message String content_gone();
    @Message String done_resolve();
    @Message String done_retry();
    @Message String err_note();
    @Message String err_note_long();
    @Message String err_reason();
    @Message String file_name();
    @Message String file_size();
    @Message String file_type();
    @Message String filter();
    @Message String filter_open();
    @Message String last_error();
    @Message String lead();
    @Message String next_attempt();
    @Message String no_steps();
    @Message String none();
    @Message String not_found();
    @Message String open();
    @Message String read();
    @Message String read_logged();
    @Message String reason();
    @Message String reason_help();
    @Message String received();
    @Message String refusal();
    @Message String refused();
    @Message String relay_id();
    @Message String report_title();
    @Message String resolution();
    @Message String resolve();
    @Message String resolve_help();
    @Message String resolve_note();
    @Message String resolve_title();
    @Message String retry();
    @Message String retry_help();
    @Message String retry_note();
    @Message String retry_title();
    @Message String show();
    @Message String size();
    @Message String state_label();
    @Message String state(HeldState value);
    @Message String step(HeldStep value);
    @Message String steps();
    @Message String title();
    @Message String truncated();
    @Message String unavailable();
}

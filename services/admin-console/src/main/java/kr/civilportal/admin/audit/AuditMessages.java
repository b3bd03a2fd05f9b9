package kr.civilportal.admin.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the auditor's read-log search ({@code {audit:...}} in templates): Korean by default
 * ({@code messages/audit_ko.properties}), English complete ({@code messages/audit_en.properties}, checked by a
 * test). A bundle of its own, as the citizen pages' read log has: the feature's texts stay with it.
 */
@MessageBundle(value = "audit", locale = "ko")
public interface AuditMessages {

    @Message String action(ReadAction value);
    @Message String err_from();
    @Message String err_official();
    @Message String err_record_id();
    @Message String err_to();
    @Message String from();
    @Message String lead();
    @Message String none();
    @Message String official();
    @Message String official_help();
    @Message String reason();
    @Message String record();
    @Message String record_id();
    @Message String record_id_help();
    @Message String refused();
    @Message String role();
    @Message String search();
    @Message String title();
    @Message String to();
    @Message String truncated();
    @Message String what();
    @Message String when();
}

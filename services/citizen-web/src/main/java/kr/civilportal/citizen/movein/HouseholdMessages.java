package kr.civilportal.citizen.movein;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * 우리 세대 on /my/household ({@code {household:...}} in templates): Korean by default
 * ({@code messages/household_ko.properties}), English complete ({@code messages/household_en.properties}, checked by
 * a test). A bundle of its own: the main one is at the size where more keys break the build (a VerifyError in the
 * generated bundle). The members' relations other than the head use the main bundle's {@code relation_*}.
 */
@MessageBundle(value = "household", locale = "ko")
public interface HouseholdMessages {

    /** The section's heading: 우리 세대. */
    @Message String title();

    @Message String lead();

    /** The household's address, before it. */
    @Message String address();

    /** The members' table caption: 세대 구성원. */
    @Message String caption();

    @Message String name();

    /** 세대주와의 관계. */
    @Message String relation();

    /** 주민등록번호 (masked). */
    @Message String number();

    /** The head's relation: 세대주. */
    @Message String head();

    /** The signed-in citizen's own row: (본인). */
    @Message String self();

    /** No household on the citizen's record. */
    @Message String none();

    // 세대주 변경 (change of household head): the form a head files, the changes waiting or recently decided.

    /** The form's heading: 세대주 변경. */
    @Message String head_change_title();

    @Message String head_change_lead();

    /** The new head's choice (legend): 새 세대주. */
    @Message String head_change_new_head();

    @Message String head_change_new_head_help();

    /** The relations' group (legend): 새 세대주와의 관계. */
    @Message String head_change_relations();

    /** Why the chosen new head's own select is not sent. */
    @Message String head_change_relations_help();

    /** A select's empty first option. */
    @Message String head_change_choose();

    @Message String head_change_submit();

    @Message String head_change_err_new_head();

    /** Residency refused the chosen member as new head (no longer a member, ...). */
    @Message String head_change_err_new_head_refused();

    @Message String head_change_err_relation(String name);

    @Message String head_change_err_relation_refused(String name);

    /** Residency's refusal of the list as a whole (a member missing or twice). */
    @Message String head_change_err_relations();

    /** Residency's 400 naming no field of the form. */
    @Message String head_change_err_failed();

    /** Residency's 409: not the head, a change already open, a member on an open move-in report. */
    @Message String head_change_err_conflict();

    /** The changes' section heading. */
    @Message String head_change_requests();

    @Message String head_change_none();

    /** The filer's change, waiting for the named new head. */
    @Message String head_change_awaiting_filer(String name);

    /** Shown to the member named as new head. */
    @Message String head_change_awaiting_new_head(String name);

    /** A decided change: who was to become head. */
    @Message String head_change_decided(String name);

    /** The proposed relations' table caption. */
    @Message String head_change_caption();

    @Message String head_change_member();

    @Message String head_change_filed_at();

    @Message String head_change_decided_at();

    @Message String head_change_consent();

    @Message String head_change_refuse();

    @Message String head_change_withdraw();

    /** Where a 세대주 변경 stands: status_$APPLIED, ... (the `_$` separator: the constants hold `_`). */
    @Message String status(HeadChangeStatus status);

    @Message String head_change_filed();

    @Message String head_change_consented();

    @Message String head_change_refused();

    @Message String head_change_withdrawn();
}

package kr.civilportal.admin.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import kr.civilportal.admin.land.OwnerChangeRequestItem;
import kr.civilportal.admin.residency.PendingMoveIn;

/**
 * The texts of casework in the passport and move-in queues: who holds a case (담당), its deadline (처리기한) and the
 * office's day (처리 현황) ({@code {casework:...}} in templates): Korean by default
 * ({@code messages/casework_ko.properties}), English complete ({@code messages/casework_en.properties}, checked by a
 * test). A bundle of its own: the console's main bundle is at the size where more keys broke its build. The move-in
 * queue shares the words both queues use (담당자, 미배정, 담당하기, 처리기한 경과, …) so officers read one vocabulary;
 * its own ({@code movein_*}) say 신고 where passport's say 신청, and name residency's figures. The land officer's
 * queue of owner-change requests ({@code landreq_*}) shares them too, with the words of its own page.
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

    /** 접수 대기: waiting, and nobody holds it (residency's {@code received}). */
    @Message String movein_counts_received();
    @Message String movein_movers();
    @Message String movein_mover_count(int count);
    /** 오늘 처리: approved or rejected by officers today (residency's {@code decidedToday}). */
    @Message String movein_counts_decided_today();
    @Message String movein_held(PendingMoveIn.Held value);
    /** Names the holder: the queue shows no decision on another officer's report. */
    @Message String movein_held_by_other(String officer);
    @Message String movein_take_help();
    @Message String movein_taken();

    /** 보완 요청 of a move-in report: the form, the list of reports waiting for their filers, and the answer shown. */
    @Message String movein_supplement();
    @Message String movein_supplement_what();
    @Message String movein_supplement_what_help();
    @Message String movein_supplement_deadline();
    @Message String movein_supplement_deadline_help();
    @Message String movein_supplement_submit();
    @Message String movein_supplement_err_what();
    @Message String movein_supplement_err_deadline();
    @Message String movein_supplement_requested();
    @Message String movein_supplement_waiting_title();
    @Message String movein_supplement_waiting_empty();
    @Message String movein_supplement_waiting_help();
    @Message String movein_supplement_asked();
    @Message String movein_supplement_until();
    @Message String movein_supplement_by();
    @Message String movein_supplement_answer();
    /** The documents of each answered round (보완 서류), with their downloads through the console. */
    @Message String movein_supplement_documents(int round);
    @Message String movein_document_size(long kilobytes);
    @Message String movein_document_download(String name);
    @Message String movein_document_missing();
    @Message String movein_counts_waiting();

    /** The land officer's queue of owner-change requests (소유자 변동 신청, {@code /admin/land/requests}). */
    @Message String landreq_title();
    @Message String landreq_lead();
    /** 접수 대기: waiting, and nobody holds it (land-registry's {@code received}). */
    @Message String landreq_counts_received();
    /** 오늘 처리: approved or rejected since midnight in Korea (land-registry's {@code decidedToday}). */
    @Message String landreq_counts_decided_today();
    @Message String landreq_held(OwnerChangeRequestItem.Held value);
    @Message String landreq_empty();
    @Message String landreq_parcel();
    @Message String landreq_parcel_link();
    @Message String landreq_new_owner();
    @Message String landreq_requested_by();
    @Message String landreq_received_at();
    /** Names the holder: the queue shows no take and no decision on another officer's request. */
    @Message String landreq_held_by_other(String officer);
    @Message String landreq_take_help();
    @Message String landreq_taken();
    @Message String landreq_approved();
    @Message String landreq_rejected();
    @Message String landreq_reason_help();
    @Message String landreq_err_reason_long();
    /** A 404: no such request, or another office's (land-registry answers both alike). */
    @Message String landreq_not_found();
    /** 담당 인계 of a move-in report: the button, its help, and the notice after it. */
    @Message String movein_takeover();
    @Message String movein_takeover_help();
    @Message String movein_taken_over();
    /** 담당 인계 of an owner-change request: the button, its help, and the notice after it. */
    @Message String landreq_takeover();
    @Message String landreq_takeover_help();
    @Message String landreq_taken_over();
    @Message String assign();
    @Message String assign_lead();
    @Message String assign_to();
    @Message String assign_submit();
    @Message String assign_none();
    @Message String assign_err_choose();
    @Message String assigned_by(String officer);
    @Message String back_to_queue();
    @Message String yours_self();
    @Message String movein_assign_title();
    @Message String movein_assigned();
    @Message String movein_not_found();
    @Message String assign_title();
    @Message String assigned();
    @Message String not_found();
    @Message String landreq_assign_title();
    @Message String landreq_assigned();
    /** A passport application's rounds of 보완 and the applicant's 보완 제출 with its documents (보완 서류). */
    @Message String passport_supplements_title();
    @Message String passport_supplement_round(int round);
    @Message String passport_supplement_asked();
    @Message String passport_supplement_until();
    @Message String passport_supplement_answered_at();
    @Message String passport_supplement_answer();
    @Message String passport_supplement_answer_none();
    @Message String passport_supplement_unanswered();
    @Message String passport_supplement_documents();
    @Message String passport_document_missing();
}

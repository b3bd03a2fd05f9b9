package kr.civilportal.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import kr.civilportal.admin.dispatch.Report;
import kr.civilportal.admin.land.LandCategory;
import kr.civilportal.admin.land.OwnerChangeCause;
import kr.civilportal.admin.land.SearchBy;
import kr.civilportal.admin.passport.Application;
import kr.civilportal.admin.residency.MoveInQueuePage;
import kr.civilportal.admin.residency.PendingMoveIn;
import kr.civilportal.admin.system.GatewayStatus;

/**
 * The console's own texts ({@code {msg:...}} in templates; the page frame's are in web-common's {@code web}
 * bundle). Korean is the default ({@code messages/msg_ko.properties}), English complete
 * ({@code messages/msg_en.properties}, checked by a test); a key missing in a template or a file, or an enum
 * constant without its text, fails the build.
 */
@MessageBundle(value = "msg", locale = "ko")
public interface AdminMessages {

    @Message
    String admin_access_reason();

    @Message
    String admin_access_reason_help();

    @Message
    String admin_all();

    @Message
    String admin_approve();

    @Message
    String admin_dispatch_title();

    @Message
    String admin_err_access_reason();

    @Message
    String admin_err_reason();

    @Message
    String admin_err_refused();

    @Message
    String admin_filter();

    @Message
    String admin_movein_title();

    @Message
    String admin_name();

    @Message
    String admin_pending();

    @Message
    String admin_queue_empty();

    @Message
    String admin_read_record();

    @Message
    String admin_record_logged();

    @Message
    String admin_record_title();

    @Message
    String admin_reject();

    @Message
    String admin_reject_reason();

    @Message
    String admin_rrn();

    @Message
    String admin_search();

    @Message
    String admin_search_help();

    @Message
    String admin_system_lead();

    @Message
    String admin_system_title();

    @Message
    String circuit(GatewayStatus.Circuit value);

    @Message
    String dash_history();

    @Message
    String dash_not_found();

    @Message
    String dash_petition();

    @Message
    String dash_state();

    @Message
    String dash_submitted();

    @Message
    String decision(MoveInQueuePage.Decision value);

    @Message
    String dispatch_ack();

    @Message
    String dispatch_actions();

    @Message
    String dispatch_assign();

    @Message
    String dispatch_caption();

    @Message
    String dispatch_close();

    @Message
    String dispatch_err_outcome();

    @Message
    String dispatch_err_unit();

    @Message
    String dispatch_live_help();

    @Message
    String dispatch_live_lost();

    @Message
    String dispatch_live_new();

    @Message
    String dispatch_live_updated();

    @Message
    String dispatch_outcome();

    @Message
    String dispatch_received();

    @Message
    String dispatch_unit();

    @Message
    String go();

    @Message
    String health(GatewayStatus.Health value);

    @Message
    String identityCheck(Application.IdentityCheck value);

    @Message
    String landCategory(LandCategory value);

    @Message
    String land_area();

    @Message
    String land_category();

    @Message
    String land_err_cause();

    @Message
    String land_err_changed_on();

    @Message
    String land_err_changed_on_format();

    @Message
    String land_err_changed_on_future();

    @Message
    String land_err_lot_only_dong();

    @Message
    String land_err_owner_name();

    @Message
    String land_err_owner_name_long();

    @Message
    String land_err_query_address();

    @Message
    String land_err_query_dong();

    @Message
    String land_err_query_pnu();

    @Message
    String land_err_share();

    @Message
    String land_err_share_format();

    @Message
    String land_lot();

    @Message
    String land_office_by();

    @Message
    String land_office_category();

    @Message
    String land_office_cause();

    @Message
    String land_office_cause_choose();

    @Message
    String land_office_change();

    @Message
    String land_office_change_lead();

    @Message
    String land_office_changed_on();

    @Message
    String land_office_changed_on_help();

    @Message
    String land_office_dong_code();

    @Message
    String land_office_lead();

    @Message
    String land_office_lot();

    @Message
    String land_office_lot_help();

    @Message
    String land_office_next();

    @Message
    String land_office_no_price();

    @Message
    String land_office_none();

    @Message
    String land_office_not_found();

    @Message
    String land_office_owner();

    @Message
    String land_office_owner_help();

    @Message
    String land_office_owners();

    @Message
    String land_office_owners_caption();

    @Message
    String land_office_pages();

    @Message
    String land_office_parcel_title();

    @Message
    String land_office_previous();

    @Message
    String land_office_query();

    @Message
    String land_office_query_help();

    @Message
    String land_office_record();

    @Message
    String land_office_recorded();

    @Message
    String land_office_recorded_at();

    @Message
    String land_office_results();

    @Message
    String land_office_seq();

    @Message
    String land_office_share();

    @Message
    String land_office_share_help();

    @Message
    String land_office_title();

    @Message
    String land_prices();

    @Message
    String land_results(long m);

    @Message
    String land_search();

    @Message
    String moveInMode(PendingMoveIn.Mode value);

    @Message
    String movein_address();

    @Message
    String movein_date();

    @Message
    String movein_mode();

    @Message
    String movein_relation();

    @Message
    String nav_admin();

    @Message
    String outcome(Report.Outcome value);

    @Message
    String ownerChangeCause(OwnerChangeCause value);

    @Message
    String pass_fee_total();

    @Message
    String pass_pages();

    @Message
    String pass_pages_n(Integer m);

    @Message
    String pass_validity();

    @Message
    String passportKind(Application.Kind value);

    @Message
    String passportStatus(Application.Status value);

    @Message
    String pp_apply();

    @Message
    String pp_deadline_help();

    @Message
    String pp_detail();

    @Message
    String pp_err_deadline();

    @Message
    String pp_err_reason();

    @Message
    String pp_err_step();

    @Message
    String pp_filter_identity();

    @Message
    String pp_identity();

    @Message
    String pp_move();

    @Message
    String pp_moved();

    @Message
    String pp_page_of();

    @Message
    String pp_pages();

    @Message
    String pp_reason();

    @Message
    String pp_reason_help();

    @Message
    String pp_step();

    @Message
    String pp_title();

    @Message
    String r119_category();

    @Message
    String r119_description();

    @Message
    String r119_location();

    @Message
    String receipt_attachments();

    @Message
    String receipt_phone();

    @Message
    String receipt_status();

    @Message
    String relation(PendingMoveIn.Relation value);

    @Message
    String reportCategory(Report.Category value);

    @Message
    String reportStatus(Report.Status value);

    @Message
    String searchBy(SearchBy value);

    @Message
    String supplement_deadline();

    @Message
    String system_circuit();

    @Message
    String system_in_flight(int n, int limit);

    @Message
    String system_other();

    @Message
    String system_overall();

    @Message
    String system_ready(int ready, int total);

    @Message
    String system_replicas();

    @Message
    String system_service();

    @Message
    String system_state();

    @Message
    String system_unavailable();

    @Message
    String system_waiting(Integer n);

    @Message
    String validity(Application.Validity value);
}

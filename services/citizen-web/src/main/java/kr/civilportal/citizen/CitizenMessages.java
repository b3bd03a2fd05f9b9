package kr.civilportal.citizen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import kr.civilportal.citizen.certificate.CertificateKind;
import kr.civilportal.citizen.movein.MoveInMode;
import kr.civilportal.citizen.movein.Relation;
import kr.civilportal.citizen.passport.ApplicationKind;
import kr.civilportal.citizen.passport.ApplicationStatus;
import kr.civilportal.citizen.passport.Validity;
import kr.civilportal.citizen.petitions.PetitionState;
import kr.civilportal.citizen.report.HeldState;
import kr.civilportal.citizen.report.ReportCategory;
import kr.civilportal.citizen.report.ReportStatus;

/**
 * The citizen pages' own texts ({@code {msg:...}} in templates; the page frame's are in web-common's
 * {@code web} bundle). Korean is the default ({@code messages/msg_ko.properties}), English complete
 * ({@code messages/msg_en.properties}, checked by a test); a key missing in a template or a file, or an enum
 * constant without its text, fails the build.
 */
@MessageBundle(value = "msg", locale = "ko")
public interface CitizenMessages {

    @Message
    String appt_all_offices();

    @Message
    String appt_book_link();

    @Message
    String appt_booked();

    @Message
    String appt_booked_at();

    @Message
    String appt_cancel();

    @Message
    String appt_cancelled();

    @Message
    String appt_change_link();

    @Message
    String appt_current();

    @Message
    String appt_current_mark();

    @Message
    String appt_details_link();

    @Message
    String appt_err_failed();

    @Message
    String appt_err_slot();

    @Message
    String appt_err_slot_full();

    @Message
    String appt_full();

    @Message
    String appt_lead();

    @Message
    String appt_list_lead();

    @Message
    String appt_list_title();

    @Message
    String appt_move();

    @Message
    String appt_no_slots();

    @Message
    String appt_none();

    @Message
    String appt_not_ready();

    @Message
    String appt_office();

    @Message
    String appt_office_filter();

    @Message
    String appt_remaining(int m);

    @Message
    String appt_slot();

    @Message
    String appt_slot_help();

    @Message
    String appt_submit();

    @Message
    String appt_submit_move();

    @Message
    String appt_time();

    @Message
    String appt_title();

    @Message
    String cert_digits();

    @Message
    String cert_digits_help();

    @Message
    String cert_download();

    @Message
    String cert_err_failed();

    @Message
    String cert_err_kind();

    @Message
    String cert_err_list();

    @Message
    String cert_err_pdf();

    @Message
    String cert_former();

    @Message
    String cert_former_help();

    @Message
    String cert_issued();

    @Message
    String cert_kind();

    @Message
    String cert_kind_help();

    @Message
    String cert_list();

    @Message
    String cert_none();

    @Message
    String cert_options();

    @Message
    String cert_submit();

    @Message
    String cert_title();

    @Message
    String certificateKind(CertificateKind value);

    @Message
    String choose();

    @Message
    String dash_filed();

    @Message
    String dash_history();

    @Message
    String dash_lead();

    @Message
    String dash_none();

    @Message
    String dash_not_found();

    @Message
    String dash_petition();

    @Message
    String dash_state();

    @Message
    String dash_submitted();

    @Message
    String dash_title();

    @Message
    String heldState(HeldState value);

    @Message
    String held_follow();

    @Message
    String held_lead();

    @Message
    String held_number();

    @Message
    String held_refresh();

    @Message
    String held_title();

    @Message
    String home_admin_body();

    @Message
    String home_citizen_body();

    @Message
    String home_citizen_title();

    @Message
    String home_lead();

    @Message
    String home_logged_out();

    @Message
    String home_report_body();

    @Message
    String home_verify_body();

    @Message
    String land_address();

    @Message
    String land_address_help();

    @Message
    String land_area();

    @Message
    String land_category();

    @Message
    String land_err_address();

    @Message
    String land_err_issue();

    @Message
    String land_issue();

    @Message
    String land_issued();

    @Message
    String land_lead();

    @Message
    String land_lot();

    @Message
    String land_owners();

    @Message
    String land_parcel_title();

    @Message
    String land_prices();

    @Message
    String land_results(long m);

    @Message
    String land_search();

    @Message
    String land_title();

    @Message
    String moveInMode(MoveInMode value);

    @Message
    String movein_address();

    @Message
    String movein_address_help();

    @Message
    String movein_date();

    @Message
    String movein_date_help();

    @Message
    String movein_err_address();

    @Message
    String movein_err_date();

    @Message
    String movein_err_failed();

    @Message
    String movein_err_head();

    @Message
    String movein_err_mode();

    @Message
    String movein_err_relation();

    @Message
    String movein_head();

    @Message
    String movein_head_help();

    @Message
    String movein_lead();

    @Message
    String movein_mode();

    @Message
    String movein_mode_help();

    @Message
    String movein_petition();

    @Message
    String movein_relation();

    @Message
    String movein_relation_help();

    @Message
    String movein_submit();

    @Message
    String movein_title();

    @Message
    String nav_admin();

    @Message
    String nav_appointments();

    @Message
    String nav_certificates();

    @Message
    String nav_dashboard();

    @Message
    String nav_land();

    @Message
    String nav_movein();

    @Message
    String nav_passport();

    @Message
    String nav_report119();

    @Message
    String nav_verify();

    @Message
    String pass_appt_link();

    @Message
    String pass_back();

    @Message
    String pass_detail_title();

    @Message
    String pass_draft_kept();

    @Message
    String pass_err_failed();

    @Message
    String pass_err_kind();

    @Message
    String pass_err_pages();

    @Message
    String pass_err_photo();

    @Message
    String pass_err_photo_size();

    @Message
    String pass_err_validity();

    @Message
    String pass_fee();

    @Message
    String pass_fee_contribution();

    @Message
    String pass_fee_help();

    @Message
    String pass_fee_issuance();

    @Message
    String pass_fee_total();

    @Message
    String pass_kind();

    @Message
    String pass_kind_help();

    @Message
    String pass_next();

    @Message
    String pass_pages();

    @Message
    String pass_pages_help();

    @Message
    String pass_pages_n(String m);

    @Message
    String pass_photo();

    @Message
    String pass_photo_help();

    @Message
    String pass_photo_refused();

    @Message
    String pass_photo_replaced();

    @Message
    String pass_photo_saved(int m);

    @Message
    String pass_replace_photo();

    @Message
    String pass_resumed();

    @Message
    String pass_step_choices();

    @Message
    String pass_step_photo();

    @Message
    String pass_step_review();

    @Message
    String pass_steps();

    @Message
    String pass_submit();

    @Message
    String pass_submitted();

    @Message
    String pass_title();

    @Message
    String pass_validity();

    @Message
    String pass_validity_help();

    @Message
    String passportKind(ApplicationKind value);

    @Message
    String passportStatus(ApplicationStatus value);

    @Message
    String petitionState(PetitionState value);

    @Message
    String r119_address();

    @Message
    String r119_address_help();

    @Message
    String r119_category();

    @Message
    String r119_category_help();

    @Message
    String r119_description();

    @Message
    String r119_description_help();

    @Message
    String r119_err_category();

    @Message
    String r119_err_description();

    @Message
    String r119_err_failed();

    @Message
    String r119_err_location();

    @Message
    String r119_lead();

    @Message
    String r119_location();

    @Message
    String r119_location_denied();

    @Message
    String r119_location_found(String m);

    @Message
    String r119_location_help();

    @Message
    String r119_phone();

    @Message
    String r119_phone_help();

    @Message
    String r119_photos();

    @Message
    String r119_photos_help();

    @Message
    String r119_submit();

    @Message
    String r119_title();

    @Message
    String r119_use_location();

    @Message
    String receipt_attachments();

    @Message
    String receipt_lead();

    @Message
    String receipt_not_found();

    @Message
    String receipt_number();

    @Message
    String receipt_phone();

    @Message
    String receipt_received_at();

    @Message
    String receipt_status();

    @Message
    String receipt_title();

    @Message
    String relation(Relation value);

    @Message
    String reportCategory(ReportCategory value);

    @Message
    String reportStatus(ReportStatus value);

    @Message
    String supplement_deadline();

    @Message
    String validity(Validity value);

    @Message
    String verify_err_number();

    @Message
    String verify_genuine();

    @Message
    String verify_hash();

    @Message
    String verify_issued_at();

    @Message
    String verify_kind();

    @Message
    String verify_lead();

    @Message
    String verify_not_issued();

    @Message
    String verify_number();

    @Message
    String verify_number_help();

    @Message
    String verify_submit();

    @Message
    String verify_title();

    @Message
    String verify_too_many();
}

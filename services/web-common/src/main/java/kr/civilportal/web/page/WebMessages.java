package kr.civilportal.web.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import kr.civilportal.web.api.PortalService;

/**
 * The texts of the page frame both web apps share ({@code {web:...}} in templates): layout, error summary,
 * "unavailable" panel, the "send it again" notice, the waiting room and the missing-role page. Korean is the
 * default ({@code messages/web_ko.properties}), English complete ({@code messages/web_en.properties}); a key
 * missing in a template or a file fails the build. Each app's own texts are in its own bundle ({@code msg}).
 */
@MessageBundle(value = "web", locale = "ko")
public interface WebMessages {

    @Message String site_name();
    @Message String skip_to_main();
    @Message String nav_main();
    @Message String logged_in_as();
    @Message String login();
    @Message String logout();
    @Message String footer_help();
    @Message String footer_status();
    @Message String error_summary_title(int n);
    @Message String required();
    /** A service by its name people know (주민등록, 여권, ...). */
    @Message String service(PortalService service);
    @Message String unavailable_title(PortalService service);
    @Message String unavailable_body();
    @Message String unavailable_alt_centre();
    @Message String unavailable_alt_120();
    @Message String unavailable_alt_119();
    @Message String session_resend_title();
    @Message String session_resend_body();
    @Message String session_resend_restored();
    @Message String role(PortalRole role);
    @Message String forbidden_title();
    @Message String forbidden_body();
    @Message String forbidden_roles();
    @Message String forbidden_home();
    @Message String not_found_title();
    @Message String not_found_body();
    @Message String waiting_title();
    @Message String waiting_lead();
    @Message String waiting_place();
    @Message String waiting_place_n(int n);
    @Message String waiting_expected();
    @Message String waiting_seconds(long s);
    @Message String waiting_keep();
    @Message String waiting_check_now();
    @Message String waiting_file_again();
    @Message String waiting_admitted();
    @Message String waiting_lost();
}

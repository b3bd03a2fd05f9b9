package kr.civilportal.admin.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of holding a case (담당) in the passport queue ({@code {holder:...}} in templates): Korean by default
 * ({@code messages/holder_ko.properties}), English complete ({@code messages/holder_en.properties}, checked by a
 * test). A bundle of its own: the console's main bundle is at the size where more keys broke its build.
 */
@MessageBundle(value = "holder", locale = "ko")
public interface HolderMessages {

    @Message String filter();
    @Message String filter_all();
    @Message String held(Application.Held value);
    @Message String held_by_other();
    @Message String holder();
    @Message String nobody();
    @Message String release();
    @Message String released();
    @Message String section();
    @Message String since();
    @Message String take();
    @Message String take_help();
    @Message String taken();
    @Message String yours();
}

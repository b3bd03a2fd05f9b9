package kr.civilportal.citizen.passport;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The receiving office's texts on the passport review step ({@code {office:...}} in templates): Korean by default
 * ({@code messages/office_ko.properties}), English complete ({@code messages/office_en.properties}). A bundle of
 * its own: the main one is at the size where more keys broke the build.
 */
@MessageBundle(value = "office", locale = "ko")
public interface OfficeMessages {

    /** The field's legend: 접수 기관. */
    @Message String legend();

    @Message String help();

    /** None chosen. */
    @Message String err();

    /** The passport service lists no office (none has pickup days open). */
    @Message String none();
}

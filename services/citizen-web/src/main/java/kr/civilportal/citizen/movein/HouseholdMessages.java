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
}

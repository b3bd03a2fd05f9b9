package kr.civilportal.notification.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's notification choices as the API shows them to the citizen themself; the phone number only masked. */
@Schema(name = "NotificationPreferences")
public record PreferenceView(
        @Schema(description = "Language of notifications: ko (default) or en", enumeration = {"ko", "en"}) String language,
        @Schema(description = "Where e-mail notifications go; absent when none is given", nullable = true) String email,
        @Schema(description = "Whether notifications also go by e-mail (only with an address)") boolean emailEnabled,
        @Schema(description = "The mobile number, masked (010-****-5678); absent when none is given", nullable = true)
        String phone,
        @Schema(description = "Whether notifications also go by SMS (only with a number)") boolean smsEnabled,
        @Schema(description = "Whether notifications go by KakaoTalk 알림톡 (only with a number)") boolean kakaoEnabled,
        @Schema(description = "방해 금지: no SMS or 알림톡 at night") boolean quietHours) {
}

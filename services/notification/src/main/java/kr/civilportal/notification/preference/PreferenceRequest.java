package kr.civilportal.notification.preference;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a citizen sets: the whole of their choices (PUT replaces them, except the phone number, which is kept
 * unless given or emptied). Clients written before SMS and KakaoTalk send only language and e-mail: the text channels
 * are then off and quiet hours stay on.
 */
@Schema(name = "NotificationPreferencesUpdate")
public record PreferenceRequest(
        @NotNull @Pattern(regexp = "ko|en", message = "must be ko or en")
        @Schema(enumeration = {"ko", "en"}, defaultValue = "ko") String language,
        @Email @Size(max = 254) @Schema(nullable = true, description = "Absent or null: no e-mail address") String email,
        @Schema(description = "E-mail notifications on; ignored (off) without an address") boolean emailEnabled,
        @Pattern(regexp = "|" + PhoneNumbers.INPUT, message = "must be a Korean mobile number such as 010-1234-5678")
        @Schema(nullable = true, examples = "010-1234-5678",
                description = "Korean mobile number (휴대전화), with or without hyphens. The number is only ever shown "
                        + "masked, so: absent or null keeps the current one, an empty string removes it")
        String phone,
        @Schema(description = "SMS notifications on; ignored (off) without a number") boolean smsEnabled,
        @Schema(description = "KakaoTalk 알림톡 on (preferred over SMS); ignored (off) without a number")
        boolean kakaoEnabled,
        @Schema(nullable = true, defaultValue = "true",
                description = "방해 금지: no SMS or 알림톡 at night (21:00–08:00 Korea time); absent: on")
        Boolean quietHours) {

    /** Choices of a client that knows only e-mail (and of the tests written then). */
    public PreferenceRequest(String language, String email, boolean emailEnabled) {
        this(language, email, emailEnabled, null, false, false, null);
    }
}

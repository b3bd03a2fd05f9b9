package kr.civilportal.citizen.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The citizen's notification choices, read and sent whole (PUT replaces them): the language of notifications
 * ({@code ko}/{@code en}), the e-mail address (null: none), whether notifications also go by e-mail, the mobile
 * number, text messages (문자) and KakaoTalk 알림톡 on/off, and quiet hours (방해 금지 시간, 21:00–08:00, text
 * messages only).
 *
 * <p>The service returns the number masked ({@code 010-****-5678}), so the page can never send the stored number
 * back. What it sends of it: absent (null here, left out of the JSON) keeps the stored number, {@code ""} removes
 * it, anything else is the new number as typed (the service checks and normalises it; a 400 names {@code phone}).
 * {@code quietHours} is a Boolean so that an answer without it reads as the service's default, on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationPreferences(String language, String email, boolean emailEnabled,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phone, boolean smsEnabled, boolean kakaoEnabled,
        Boolean quietHours) {
}

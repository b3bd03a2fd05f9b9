package kr.civilportal.citizen.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The citizen's notification choices, read and sent whole (PUT replaces them): the language of notifications
 * ({@code ko}/{@code en}), the e-mail address (null: none) and whether notifications also go by e-mail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationPreferences(String language, String email, boolean emailEnabled) {
}

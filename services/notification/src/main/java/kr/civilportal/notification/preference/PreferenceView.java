package kr.civilportal.notification.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's notification choices as the API shows them to the citizen themself. */
@Schema(name = "NotificationPreferences")
public record PreferenceView(
        @Schema(description = "Language of notifications: ko (default) or en", enumeration = {"ko", "en"}) String language,
        @Schema(description = "Where e-mail notifications go; absent when none is given", nullable = true) String email,
        @Schema(description = "Whether notifications also go by e-mail (only with an address)") boolean emailEnabled) {
}

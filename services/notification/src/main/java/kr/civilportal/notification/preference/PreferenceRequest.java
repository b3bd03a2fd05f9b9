package kr.civilportal.notification.preference;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a citizen sets: the whole of their choices (PUT replaces them). */
@Schema(name = "NotificationPreferencesUpdate")
public record PreferenceRequest(
        @NotNull @Pattern(regexp = "ko|en", message = "must be ko or en")
        @Schema(enumeration = {"ko", "en"}, defaultValue = "ko") String language,
        @Email @Size(max = 254) @Schema(nullable = true, description = "Absent or null: no e-mail address") String email,
        @Schema(description = "E-mail notifications on; ignored (off) without an address") boolean emailEnabled) {
}

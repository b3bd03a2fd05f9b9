package kr.civilportal.passport.appointment;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The slot a citizen wants to pick up their passport in (교부 예약 시간). */
public record BookingRequest(
        @NotNull(message = "is required (예약할 시간을 선택해 주세요)")
        @Schema(description = "A slot id from GET /api/passport/v1/pickup-slots", required = true)
        UUID slotId) {
}

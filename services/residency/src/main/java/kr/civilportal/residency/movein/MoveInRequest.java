package kr.civilportal.residency.movein;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A citizen's move-in report. To form a household give {@code address}; to join one give the head's
 * registration number and the relation to the head (the address is the household's). {@code movers} names the
 * other members of the filer's household who move with them (세대 전부/일부 전입) by the resident ids the filer reads
 * on their own record ({@code GET /me}: {@code household.members[].residentId}), never by anyone's number.
 */
public record MoveInRequest(
        @NotNull MoveInReport.Mode mode,
        @Size(max = 300) @Schema(description = "New road-name address (NEW_HOUSEHOLD only): one the road-name register "
                + "knows (GET /api/residency/v1/addresses), then optionally a comma and the detail (동·호, at most 100 "
                + "characters); stored as the register writes it, with its legal dong",
                examples = "서울특별시 마포구 월드컵북로 396, 1502호") String address,
        @NotNull @PastOrPresent @Schema(description = "전입일", examples = "2026-11-20") LocalDate movedInOn,
        @Schema(description = "Registration number of the head of the household joined (JOIN_HOUSEHOLD only)",
                examples = "800101-1000008") String headResidentRegistrationNumber,
        @Schema(description = "Relation to the head of the household joined (JOIN_HOUSEHOLD only)")
        RelationToHead relationToHead,
        @Schema(description = "Other members of my household who move with me (세대 전부/일부 전입), by the residentId "
                + "my record lists; a head with members lists them all. Absent or empty: I move alone.")
        List<UUID> movers) {

    /** The co-movers named, none when absent. */
    public List<UUID> moversOrNone() {
        return movers == null ? List.of() : movers;
    }
}

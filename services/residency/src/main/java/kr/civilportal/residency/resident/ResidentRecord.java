package kr.civilportal.residency.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resident's record as the resident sees it: the registration number is always masked. */
public record ResidentRecord(
        UUID residentId,
        String name,
        @Schema(description = "Masked resident registration number", examples = "900101-1******")
        String residentRegistrationNumber,
        LocalDate birthDate,
        String address,
        HouseholdView household) {

    public record HouseholdView(UUID id, String address, List<Member> members) {
    }

    /**
     * A member of the caller's own household, as on a household certificate (등본): number masked. {@code residentId}
     * is how a move-in report names the members moving with its filer ({@code movers}).
     */
    public record Member(UUID residentId, String name, RelationToHead relationToHead, String residentRegistrationNumber) {
    }

    /** One entry of the address history (주소 변동 사항). */
    public record AddressEntry(java.time.LocalDate movedInOn, String address, AddressHistory.Reason reason) {
    }
}

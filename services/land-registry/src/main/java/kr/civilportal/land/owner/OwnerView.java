package kr.civilportal.land.owner;

import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.common.masking.Masking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the owner history as shown; {@link #masked()} is what anyone but a land officer sees. */
public record OwnerView(
        @Schema(description = "Order of the entry in the parcel's history, 1 = oldest", examples = "2")
        int sequence,
        @Schema(description = "Owner (소유자); masked (홍*동) for anyone but land officers", examples = "홍*동")
        String ownerName,
        @Schema(description = "Share (지분) as a fraction; 1/1 for sole ownership", examples = "1/2")
        String share,
        @Schema(description = "Date of the change (변동일자)", examples = "2024-03-15")
        LocalDate changedOn,
        @Schema(description = "Cause of the change (변동원인)")
        OwnerChangeCause cause,
        @Schema(description = "Cause in Korean", examples = "매매")
        String causeKo,
        @Schema(description = "When the change was recorded on the register")
        Instant recordedAt) {

    public OwnerView masked() {
        return new OwnerView(sequence, Masking.name(ownerName), share, changedOn, cause, causeKo, recordedAt);
    }
}

package kr.civilportal.land.extract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an extract attests, exactly as printed: hashed (canonical JSON) and stored at issue, so a second
 * download shows the same facts even after the parcel has changed. Owner names are as the requester was
 * allowed to see them: in full for land officers, masked for everyone else.
 */
public record ExtractData(
        String issuanceNumber,
        OffsetDateTime issuedAt,
        String pnu,
        String legalDongName,
        String lotNumber,
        String address,
        String landCategoryCode,
        String landCategory,
        String areaSquareMeters,
        List<Price> officialLandPrices,
        List<Owner> ownerHistory,
        boolean ownerNamesMasked) {

    /** 개별공시지가 of one year, won per m². */
    public record Price(int year, long pricePerSquareMeter) {
    }

    /** One entry of the owner history. */
    public record Owner(int sequence, LocalDate changedOn, String causeKo, String ownerName, String share) {
    }
}

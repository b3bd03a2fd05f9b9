package kr.civilportal.land.parcel;

import java.math.BigDecimal;
import java.util.List;
import kr.civilportal.land.owner.OwnerView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A parcel as the land register (토지대장) shows it. Owner names are masked for anyone but land officers
 * ({@link #masked()}).
 */
public record ParcelView(
        @Schema(description = "Parcel number (필지고유번호), 19 digits", examples = "1111010100100010000")
        String pnu,
        @Schema(description = "Lot address (지번주소)", examples = "서울특별시 종로구 청운동 1")
        String address,
        @Schema(description = "Legal-dong code (법정동코드), 10 digits", examples = "1111010100")
        String legalDongCode,
        @Schema(description = "Mountain lot (산), kept in the forest register")
        boolean mountain,
        @Schema(description = "Main lot number (본번)", examples = "1")
        int mainNumber,
        @Schema(description = "Sub lot number (부번), 0 when none", examples = "0")
        int subNumber,
        LandCategoryView landCategory,
        @Schema(description = "Area (면적) in square metres", examples = "661.20")
        BigDecimal areaSquareMeters,
        @Schema(description = "Official land prices (개별공시지가), newest year first; empty when none is announced")
        List<LandPriceView> officialLandPrices,
        @Schema(description = "Owner history (소유자 변동 이력), newest first; names masked except for land officers")
        List<OwnerView> ownerHistory) {

    /** Land category (지목): official two-digit code and its Korean name, with an English gloss. */
    public record LandCategoryView(
            @Schema(examples = "08") String code,
            @Schema(examples = "대") String name,
            @Schema(examples = "Building site") String nameEn) {
    }

    /** Official land price of one year, in won per square metre. */
    public record LandPriceView(
            @Schema(examples = "2025") int year,
            @Schema(examples = "5396000") long pricePerSquareMeter) {
    }

    /** What anyone but a land officer sees: the same, with owner names masked (홍*동). */
    public ParcelView masked() {
        return new ParcelView(pnu, address, legalDongCode, mountain, mainNumber, subNumber, landCategory,
                areaSquareMeters, officialLandPrices, ownerHistory.stream().map(OwnerView::masked).toList());
    }
}

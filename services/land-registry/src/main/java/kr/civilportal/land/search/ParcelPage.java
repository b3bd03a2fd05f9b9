package kr.civilportal.land.search;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results in register order (by PNU); {@code total} counts every match. */
public record ParcelPage(List<ParcelSummary> items, int page, int size, long total) {

    /** A parcel in a result list: where it is and what it is, no owner data. */
    public record ParcelSummary(
            @Schema(examples = "1111010100100010000") String pnu,
            @Schema(description = "Lot address (지번주소)", examples = "서울특별시 종로구 청운동 1") String address,
            @Schema(description = "Land category code (지목 코드)", examples = "08") String landCategoryCode,
            @Schema(description = "Land category (지목)", examples = "대") String landCategory,
            @Schema(description = "Area (면적) in square metres", examples = "661.20") BigDecimal areaSquareMeters) {
    }
}

package kr.civilportal.admin.land;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A parcel of the land register as land-registry shows it to land officers (owners' names in full). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Parcel(String pnu, String address, String legalDongCode, Category landCategory,
        BigDecimal areaSquareMeters, List<Price> officialLandPrices, List<Owner> ownerHistory) {

    public Parcel {
        officialLandPrices = officialLandPrices == null ? List.of() : officialLandPrices;
        ownerHistory = ownerHistory == null ? List.of() : ownerHistory;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String name, String nameEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(int year, long pricePerSquareMeter) {
    }

    /** An entry of the owner history, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(int sequence, String ownerName, String share, LocalDate changedOn, OwnerChangeCause cause,
            Instant recordedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String pnu, String address, String landCategory, BigDecimal areaSquareMeters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Summary> items, int page, long total) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}

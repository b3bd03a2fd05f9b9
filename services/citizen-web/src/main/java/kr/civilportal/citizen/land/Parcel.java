package kr.civilportal.citizen.land;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A parcel of the land register (토지대장) as land-registry shows it to citizens: owners' names masked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Parcel(String pnu, String address, Category landCategory, BigDecimal areaSquareMeters,
        List<Price> officialLandPrices, List<Owner> ownerHistory) {

    public Parcel {
        officialLandPrices = officialLandPrices == null ? List.of() : officialLandPrices;
        ownerHistory = ownerHistory == null ? List.of() : ownerHistory;
    }

    /** 지목, by the service's name for it (Korean) and in English. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String name, String nameEn) {
    }

    /** 개별공시지가 of a year, in won per square metre. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(int year, long pricePerSquareMeter) {
    }

    /** An entry of the owner history; the cause in Korean as the register words it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(LocalDate changedOn, String ownerName, String share, String causeKo) {
    }

    /** A search result line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String pnu, String address, String landCategory, BigDecimal areaSquareMeters) {
    }

    /** A page of search results. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Summary> items, int page, long total) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}

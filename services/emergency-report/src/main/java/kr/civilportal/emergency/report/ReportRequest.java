package kr.civilportal.emergency.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import kr.civilportal.emergency.phone.KoreanPhoneNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report as a phone or web form sends it. The component names are the JSON property names, so field
 * errors name exactly what the client sent. Unlike every other body of the portal, properties it does not know
 * are ignored rather than refused: an app that sends one more field (a newer version, a vendor's extra) must
 * still get its report through.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportRequest(
        @NotNull
        ReportCategory category,

        @NotBlank @Size(max = 2000)
        @Schema(description = "What is happening (상황 설명)", maxLength = 2000)
        String description,

        @DecimalMin("-90") @DecimalMax("90")
        @Schema(description = "WGS 84 latitude; may be left out with longitude when an address is given", examples = "37.5759")
        Double latitude,

        @DecimalMin("-180") @DecimalMax("180")
        @Schema(description = "WGS 84 longitude; may be left out with latitude when an address is given", examples = "126.9769")
        Double longitude,

        // The upper bound also refuses NaN and Infinity, which @PositiveOrZero lets through.
        @PositiveOrZero @DecimalMax("1000000")
        @Schema(description = "Location accuracy in metres, as the device reports it")
        Double accuracyMeters,

        @Size(max = 300)
        @Schema(description = "Address or place as the reporter describes it")
        String address,

        @KoreanPhoneNumber
        @Schema(description = "Call-back number (회신 번호), Korean mobile or landline", examples = "010-1234-5678")
        String reporterPhone) {

    /**
     * Where to go: both coordinates, or an address typed by the reporter (a phone that refuses to share its
     * location must not stop a report), or both. One coordinate alone is not a place.
     */
    @AssertTrue(message = "give both latitude and longitude, or an address (위치 좌표 또는 주소가 필요합니다)")
    @Schema(hidden = true)
    public boolean isLocated() {
        boolean coordinates = latitude != null && longitude != null;
        boolean halfCoordinates = (latitude == null) != (longitude == null);
        return !halfCoordinates && (coordinates || (address != null && !address.isBlank()));
    }
}

package kr.civilportal.residency.address;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A register row as the address search answers it: nothing personal, only what the address is. */
public record AddressView(
        @Schema(description = "도로명주소", examples = "서울특별시 종로구 세종대로 209") String roadNameAddress,
        @Schema(description = "법정동 (참고항목)", examples = "세종로") String legalDong,
        @Schema(description = "건물명; null when the building has none", examples = "정부서울청사") String buildingName,
        @Schema(description = "우편번호 (기초구역번호)", examples = "03171") String postalCode,
        @Schema(description = "행정동, whose 주민센터 serves the address", examples = "사직동") String administrativeDong,
        @Schema(description = "도로명주소관리번호") String managementNumber) {

    static AddressView of(RoadNameAddress row) {
        return new AddressView(row.roadNameAddress(), row.legalDong,
                row.buildingName.isBlank() ? null : row.buildingName, row.postalCode, row.administrativeDong,
                row.managementNumber);
    }
}

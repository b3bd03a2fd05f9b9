package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One building entrance of the road-name address register (도로명주소), as the search answers it: the road-name
 * address itself ({@code roadNameAddress}, what the report sends), its legal dong (법정동), building name (건물명,
 * null when none), postal code (우편번호) and administrative dong (행정동, whose office may get the case).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoadAddress(String roadNameAddress, String legalDong, String buildingName, String postalCode,
        String administrativeDong, String managementNumber) {

    /**
     * A choice the form came back with whose row is not among the matches shown (the search could not run again):
     * still offered, chosen, by its address alone.
     */
    static RoadAddress chosenOnly(String roadNameAddress) {
        return new RoadAddress(roadNameAddress, null, null, null, null, null);
    }

    public boolean hasBuildingName() {
        return buildingName != null && !buildingName.isBlank();
    }
}

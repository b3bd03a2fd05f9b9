package kr.civilportal.residency.address;

import java.util.Optional;

/**
 * A written address the register knows: its row and the detail written after it. {@link #canonical()} is how it is
 * stored on a report and in the register of residents: {@code <도로명주소> (<법정동>)[, <상세주소>]}.
 */
public record RegisteredAddress(RoadNameAddress row, Optional<String> detail) {

    public String canonical() {
        String address = row.roadNameAddress() + " (" + row.legalDong + ")";
        return detail.map(d -> address + ", " + d).orElse(address);
    }

    /** 시·도 시·군·구 행정동: where the office of the address is looked up, so a 주민센터 of the 행정동 may have it. */
    public String administrativeArea() {
        String area = row.district.isBlank() ? row.province : row.province + " " + row.district;
        return area + " " + row.administrativeDong;
    }

    public String postalCode() {
        return row.postalCode;
    }

    public String administrativeDongCode() {
        return row.administrativeDongCode;
    }

    public String administrativeDong() {
        return row.administrativeDong;
    }
}

package kr.civilportal.land.pnu;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PNU with its parts and its lot address. */
public record PnuView(
        @Schema(examples = "1111010100100010000") String pnu,
        @Schema(description = "Lot address (지번주소)", examples = "서울특별시 종로구 청운동 1") String address,
        @Schema(examples = "1111010100") String legalDongCode,
        @Schema(examples = "서울특별시 종로구 청운동") String legalDongName,
        boolean mountain,
        @Schema(examples = "1") int mainNumber,
        @Schema(examples = "0") int subNumber) {

    static PnuView of(Pnu pnu, String legalDongName) {
        return new PnuView(pnu.value(), pnu.lotAddress(legalDongName), pnu.legalDongCode(), legalDongName,
                pnu.isMountain(), pnu.mainNumber(), pnu.subNumber());
    }
}

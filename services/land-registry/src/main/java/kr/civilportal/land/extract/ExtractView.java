package kr.civilportal.land.extract;

import java.time.OffsetDateTime;
import kr.civilportal.common.time.KoreanTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issued extract as listed to whoever had it issued (발급 내역), with where to download it again. */
@Schema(examples = "{\"issuanceNumber\":\"1234-5678-9012-3452\",\"issuedAt\":\"2026-11-24T09:30:00+09:00\","
        + "\"pnu\":\"1111010100100010000\",\"address\":\"서울특별시 종로구 청운동 1\","
        + "\"contentHash\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
        + "\"pdf\":\"/api/land/v1/extracts/1234-5678-9012-3452/pdf\"}")
public record ExtractView(String issuanceNumber, OffsetDateTime issuedAt, String pnu, String address,
                          String contentHash, String pdf) {

    static ExtractView of(LandExtract e, String address) {
        return new ExtractView(e.issuanceNumber, e.issuedAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(),
                e.pnu, address, e.contentHash, ExtractResource.PATH + "/" + e.issuanceNumber + "/pdf");
    }
}

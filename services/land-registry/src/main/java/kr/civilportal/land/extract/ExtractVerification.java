package kr.civilportal.land.extract;

import kr.civilportal.documents.ShownContent;
import kr.civilportal.common.time.KoreanTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public answer about an extract's issuance number (진위확인 결과): when and of which parcel, and the extract's
 * content as printed, with owner names masked even where an officer's copy shows them in full.
 */
@Schema(examples = "{\"issuanceNumber\":\"1234-5678-9012-3452\",\"genuine\":true,\"document\":\"토지대장 등본\","
        + "\"issuedAt\":\"2026-11-24T09:30:00+09:00\",\"pnu\":\"1111010100100010000\","
        + "\"address\":\"서울특별시 종로구 청운동 1\","
        + "\"contentHash\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\"}")
public record ExtractVerification(String issuanceNumber, boolean genuine, String document, OffsetDateTime issuedAt,
                                  String pnu, String address, String contentHash, ShownContent content) {

    /** The issuance's record (its idempotent answer), without the content. */
    static ExtractVerification of(LandExtract e, String address) {
        return of(e, address, null);
    }

    /** The public verification's answer, with the extract's content as printed (owner names masked). */
    static ExtractVerification of(LandExtract e, String address, ShownContent content) {
        return new ExtractVerification(e.issuanceNumber, true, ExtractDocument.TITLE,
                e.issuedAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(), e.pnu, address, e.contentHash, content);
    }
}

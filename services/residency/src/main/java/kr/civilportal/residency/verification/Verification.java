package kr.civilportal.residency.verification;

import kr.civilportal.documents.ShownContent;
import java.time.OffsetDateTime;
import kr.civilportal.residency.certificate.CertificateKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public answer about a genuine issuance number (진위확인 결과): when and what was issued, and the certificate's
 * content as printed (registration numbers masked), to compare with the paper in hand; guessing numbers is limited.
 */
@Schema(examples = "{\"issuanceNumber\":\"1234-5678-9012-3452\",\"genuine\":true,\"kind\":\"HOUSEHOLD\","
        + "\"kindKo\":\"주민등록표 등본\",\"issuedAt\":\"2026-11-24T09:30:00+09:00\","
        + "\"contentHash\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\"}")
public record Verification(String issuanceNumber, boolean genuine, CertificateKind kind, String kindKo,
                           OffsetDateTime issuedAt, String contentHash, ShownContent content) {
}

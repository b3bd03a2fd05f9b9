package kr.civilportal.residency.verification;

import java.time.Instant;
import java.time.OffsetDateTime;
import kr.civilportal.documents.SignedDocumentCheck;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.certificate.CertificateKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public answer about a genuine certificate PDF (전자문서 진위확인 결과): what the number says, and that the file
 * is the one the portal signed (when the time-stamp authority stamped it, who signed). No personal data.
 */
@Schema(examples = "{\"issuanceNumber\":\"1234-5678-9012-3452\",\"genuine\":true,\"kind\":\"HOUSEHOLD\","
        + "\"kindKo\":\"주민등록표 등본\",\"issuedAt\":\"2026-11-24T09:30:00+09:00\","
        + "\"contentHash\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
        + "\"timeStamped\":\"2026-11-24T09:30:01+09:00\",\"signer\":\"CN=residency document signing,O=...\"}")
public record DocumentVerification(String issuanceNumber, boolean genuine, CertificateKind kind, String kindKo,
                                   OffsetDateTime issuedAt, String contentHash, OffsetDateTime timeStamped,
                                   String signer) {

    static DocumentVerification of(Verification v, SignedDocumentCheck.Result checked) {
        Instant stamped = checked.timeStamped();
        return new DocumentVerification(v.issuanceNumber(), true, v.kind(), v.kindKo(), v.issuedAt(), v.contentHash(),
                stamped.atZone(KoreanTime.ZONE).toOffsetDateTime(), checked.signer());
    }
}

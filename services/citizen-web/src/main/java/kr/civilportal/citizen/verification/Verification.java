package kr.civilportal.citizen.verification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import kr.civilportal.citizen.certificate.CertificateKind;

/** Residency's answer for a genuine issuance number (진위확인). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Verification(String issuanceNumber, CertificateKind kind, OffsetDateTime issuedAt, String contentHash,
                           ShownContent content) {
}

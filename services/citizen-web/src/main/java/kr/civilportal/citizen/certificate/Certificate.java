package kr.civilportal.citizen.certificate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/** A certificate the citizen was issued, as residency lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Certificate(String issuanceNumber, CertificateKind kind, OffsetDateTime issuedAt) {
}

package kr.civilportal.residency.certificate;

import java.time.OffsetDateTime;

/** An issued certificate as listed to its holder. */
public record CertificateView(String issuanceNumber, CertificateKind kind, OffsetDateTime issuedAt,
                              String contentHash, String pdf) {

    static CertificateView of(Certificate c) {
        return new CertificateView(c.issuanceNumber, c.kind, c.issuedAt, c.contentHash,
                CertificateResource.PATH + "/" + c.issuanceNumber + "/pdf");
    }
}

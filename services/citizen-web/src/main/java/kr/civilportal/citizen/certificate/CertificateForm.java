package kr.civilportal.citizen.certificate;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The certificate form as entered; its key goes to residency as the Idempotency-Key. */
public record CertificateForm(CertificateKind kind, boolean includeFormerAddresses, boolean showBackDigits,
        String idempotencyKey) {

    public static CertificateForm empty() {
        return new CertificateForm(CertificateKind.HOUSEHOLD, false, false, UUID.randomUUID().toString());
    }

    public List<CertificateKind> kinds() {
        return Arrays.asList(CertificateKind.values());
    }

    public boolean is(CertificateKind k) {
        return k == kind;
    }
}

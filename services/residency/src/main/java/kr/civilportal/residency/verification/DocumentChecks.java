package kr.civilportal.residency.verification;

import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.documents.SignedDocumentCheck;
import kr.civilportal.residency.certificate.CertificateSigning;

/** Checks presented certificate PDFs against the roots residency trusts (read once, at start). */
@ApplicationScoped
public class DocumentChecks {

    private final SignedDocumentCheck check;

    DocumentChecks(CertificateSigning settings) {
        this.check = settings.check();
    }

    public SignedDocumentCheck.Result check(byte[] pdf) {
        return check.check(pdf);
    }
}

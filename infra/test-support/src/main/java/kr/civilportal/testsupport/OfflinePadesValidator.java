package kr.civilportal.testsupport;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignatureScopeType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a signed PDF with the EU's DSS, independently of the portal's own signing and checking code, and without
 * asking anyone (no CRL, OCSP or certificate download): what a bank or a court would run on the file alone, with
 * the portal's development root as the only trust anchor.
 */
public final class OfflinePadesValidator {

    private OfflinePadesValidator() {
    }

    /**
     * What DSS found about the (last) signature.
     *
     * @param signatures     how many signatures the PDF has
     * @param format         the PAdES level DSS recognises (e.g. PAdES-BASELINE-T)
     * @param intact         the signed bytes are unchanged (the digest matches)
     * @param valid          the signature value verifies with the signing certificate
     * @param trustedChain   the signing certificate chains to the trust anchor
     * @param timeStamps     signature time stamps
     * @param timeStampsValid every signature time stamp intact, valid and from a trusted chain
     * @param wholeDocument  the signature covers the whole file (DSS's scope FULL), not an earlier revision of it
     * @param modifiedAfter  DSS saw objects or pages changed in a revision after the signature
     */
    public record Outcome(int signatures, SignatureLevel format, boolean intact, boolean valid, boolean trustedChain,
                          int timeStamps, boolean timeStampsValid, boolean wholeDocument, boolean modifiedAfter) {

        /** Everything a PAdES B-T document from the portal must be. */
        public boolean validBaselineT() {
            return signatures >= 1 && format == SignatureLevel.PAdES_BASELINE_T && intact && valid && trustedChain
                    && timeStamps >= 1 && timeStampsValid && wholeDocument && !modifiedAfter;
        }
    }

    public static Outcome validate(byte[] pdf, Path trustedRootPem) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(DSSUtils.loadCertificate(trustedRootPem.toFile()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureWrapper> signatures = diagnostic.getSignatures();
        if (signatures.isEmpty()) {
            return new Outcome(0, null, false, false, false, 0, false, false, false);
        }
        SignatureWrapper signature = signatures.getLast();
        List<TimestampWrapper> stamps = signature.getSignatureTimestamps();
        boolean stampsValid = !stamps.isEmpty() && stamps.stream().allMatch(t -> t.isMessageImprintDataFound()
                && t.isMessageImprintDataIntact() && t.isSignatureIntact() && t.isSignatureValid() && t.isTrustedChain());
        boolean modified = signature.getPDFRevision() != null
                && (signature.getPDFRevision().arePdfModificationsDetected()
                || signature.getPDFRevision().arePdfObjectModificationsDetected());
        boolean whole = signature.getSignatureScopes().stream().anyMatch(s -> s.getScope() == SignatureScopeType.FULL);
        return new Outcome(signatures.size(), reports.getSimpleReport().getSignatureFormat(signature.getId()),
                signature.isSignatureIntact(), signature.isSignatureValid(), signature.isTrustedChain(), stamps.size(),
                stampsValid, whole, modified);
    }
}

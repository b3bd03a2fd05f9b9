package kr.civilportal.documents;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Checks a signed PDF as the portal's online verification does (offline, any PAdES validator does the same): one
 * signature that covers the whole file (nothing changed or added after it), a CMS signature that verifies over those
 * bytes, a signing certificate that chains to a trusted root, and a time stamp over the signature that verifies and
 * chains too, with the signing certificate valid at the stamped time. What it returns names the document by the
 * issuance number it carries, for the service to compare with its records.
 */
public final class SignedDocumentCheck {

    private static final String SUBJECT_PREFIX = "문서확인번호 ";

    private final Set<TrustAnchor> anchors;

    /** @param roots the trusted roots (the dev root locally; GPKI's in production) */
    public SignedDocumentCheck(Collection<X509Certificate> roots) {
        this.anchors = roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What the check found: valid with the issuance number, the stamped time and the signer; or not, with why (in
     * words a citizen can be shown, in English and Korean).
     */
    public record Result(boolean valid, String problem, String problemKo, Optional<IssuanceNumber> issuanceNumber,
                         Instant timeStamped, String signer) {

        static Result invalid(String problem, String problemKo) {
            return new Result(false, problem, problemKo, Optional.empty(), null, null);
        }
    }

    public Result check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Result.invalid("The document carries no signature.", "전자서명이 없는 문서입니다.");
            }
            PDSignature signature = signatures.getLast();
            if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) {
                return Result.invalid("The signature is not a PAdES signature.", "PAdES 전자서명이 아닙니다.");
            }
            int[] range = signature.getByteRange();
            if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
                return Result.invalid("The document was changed after it was signed.", "서명된 뒤에 문서가 바뀌었습니다.");
            }
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509Certificate signerCertificate = certificateOf(cms.getCertificates(), signer);
            if (signerCertificate == null) {
                return Result.invalid("The signature does not carry its certificate.", "전자서명에 서명자 인증서가 없습니다.");
            }
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                return Result.invalid("The signature does not match the document: it was changed after signing.", "전자서명이 문서와 맞지 않습니다. 서명된 뒤에 바뀌었습니다.");
            }
            TimeStampToken stamp = timeStampOf(signer);
            if (stamp == null) {
                return Result.invalid("The signature has no time stamp.", "전자서명에 타임스탬프가 없습니다.");
            }
            X509Certificate tsa = certificateOf(stamp.getCertificates(), stamp.getSID());
            if (tsa == null) {
                return Result.invalid("The time stamp does not carry its certificate.", "타임스탬프에 인증서가 없습니다.");
            }
            stamp.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
            if (!MessageDigest.isEqual(imprint, stamp.getTimeStampInfo().getMessageImprintDigest())) {
                return Result.invalid("The time stamp is not over this signature.", "타임스탬프가 이 전자서명에 대한 것이 아닙니다.");
            }
            Date stamped = stamp.getTimeStampInfo().getGenTime();
            if (!chainsToTrustedRoot(signerCertificate, cms.getCertificates(), stamped)) {
                return Result.invalid("The signer is not one the portal trusts.", "포털이 신뢰하는 서명자가 아닙니다.");
            }
            if (!chainsToTrustedRoot(tsa, stamp.getCertificates(), stamped)) {
                return Result.invalid("The time stamp is not from an authority the portal trusts.", "포털이 신뢰하는 타임스탬프 기관의 것이 아닙니다.");
            }
            String subject = document.getDocumentInformation().getSubject();
            Optional<IssuanceNumber> number = subject != null && subject.startsWith(SUBJECT_PREFIX)
                    ? IssuanceNumber.parse(subject.substring(SUBJECT_PREFIX.length())) : Optional.empty();
            return new Result(true, null, null, number, stamped.toInstant(),
                    signerCertificate.getSubjectX500Principal().getName());
        } catch (IOException e) {
            return Result.invalid("This is not a PDF the portal can read.", "포털이 읽을 수 있는 PDF 파일이 아닙니다.");
        } catch (CMSException | TSPException | OperatorCreationException | GeneralSecurityException
                 | RuntimeException e) {
            return Result.invalid("The signature cannot be verified: the document was damaged or changed.", "전자서명을 검증할 수 없습니다. 문서가 손상되었거나 바뀌었습니다.");
        }
    }

    private static X509Certificate certificateOf(Store<X509CertificateHolder> store, SignerInformation signer)
            throws GeneralSecurityException {
        return certificateOf(store, signer.getSID());
    }

    private static X509Certificate certificateOf(Store<X509CertificateHolder> store,
                                                 org.bouncycastle.cms.SignerId id) throws GeneralSecurityException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(id);
        if (matches.isEmpty()) {
            return null;
        }
        return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    private static TimeStampToken timeStampOf(SignerInformation signer) throws CMSException, TSPException, IOException {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute token = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (token == null) {
            return null;
        }
        return new TimeStampToken(new CMSSignedData(token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
    }

    /** PKIX path validation at {@code at}, with the certificates the signature carries as intermediates. */
    private boolean chainsToTrustedRoot(X509Certificate leaf, Store<X509CertificateHolder> carried, Date at)
            throws GeneralSecurityException {
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        X509Certificate current = leaf;
        for (int depth = 0; depth < 5; depth++) {
            X509Certificate issuer = null;
            for (Object o : carried.getMatches(null)) {
                X509Certificate c = converter.getCertificate((X509CertificateHolder) o);
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && !c.equals(current)
                        && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    issuer = c;
                }
            }
            if (issuer == null) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        PKIXParameters parameters = new PKIXParameters(anchors);
        // Revocation is the CRL's business at the authority; this check is of the chain and the dates.
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        try {
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (java.security.cert.CertPathValidatorException e) {
            return false;
        }
    }
}

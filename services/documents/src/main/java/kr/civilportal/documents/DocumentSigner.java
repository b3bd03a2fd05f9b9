package kr.civilportal.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs an issued PDF as PAdES baseline B-T (ETSI EN 319 142-1): a CMS signature ({@code ETSI.CAdES.detached}) over
 * the whole file but the signature itself, naming the signing certificate (ESS signing-certificate-v2) and carrying
 * the chain up to (not including) the root, plus an RFC 3161 time stamp over the signature value. Any change to the
 * file after signing (a name, a digit, a re-save) breaks the signature in any PDF reader or validator, and the time
 * stamp proves when it was issued without trusting the portal's clock. Built on PDFBox (the signature field and the
 * byte range) and Bouncy Castle (CMS, ESS, TSP): no hand-made ASN.1.
 *
 * <p>Thread-safe: each call loads and signs its own copy.
 */
public final class DocumentSigner {

    /** Room for the CMS: signature, certificate chain and the time-stamp token with the TSA's chain. */
    static final int SIGNATURE_SIZE = 16 * 1024;
    static final String ALGORITHM = "SHA256withECDSA";
    private static final String SHA_256 = "SHA-256";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final TimeStampClient timeStamps;
    private final String signerName;
    private final String location;

    /**
     * @param chain       the signing certificate first; the root may be left out (a validator brings its own)
     * @param signerName  the issuing office, shown by readers as who signed
     * @param location    where it was issued (e.g. "Republic of Korea")
     */
    public DocumentSigner(PrivateKey key, List<X509Certificate> chain, TimeStampClient timeStamps, String signerName,
                          String location) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.timeStamps = timeStamps;
        this.signerName = signerName;
        this.location = location;
    }

    /** The key and chain from a PKCS#12 key store (a mounted secret in production, the dev CA's file locally). */
    public static DocumentSigner fromKeyStore(Path pkcs12, char[] password, TimeStampClient timeStamps,
                                              String signerName, String location) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.aliases().nextElement();
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                    .map(c -> (X509Certificate) c)
                    // A self-signed root is the validator's trust anchor, not part of what the document carries.
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                    .toList();
            return new DocumentSigner(key, chain, timeStamps, signerName, location);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The document-signing key store " + pkcs12 + " cannot be read", e);
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /**
     * A signed document: the PDF, and the detached CMS signature in it. The CMS holds no personal data (a digest,
     * certificates, the signature and the time stamp), so it is what a service keeps: with the same document rendered
     * again, {@link #assemble} puts it back and the result is the issued file, byte for byte.
     */
    public record Signed(byte[] pdf, byte[] signature) {
    }

    /** {@code pdf} with one incremental update holding a new signature, signed and time-stamped now. */
    public Signed sign(byte[] pdf, Instant signedAt, String reason) throws DocumentSigningException {
        byte[][] made = new byte[1][];
        byte[] signed = withSignature(pdf, signedAt, reason, content -> made[0] = cms(content));
        return new Signed(signed, made[0]);
    }

    /**
     * The same document as {@link #sign} made it, from the same PDF and the signature it returned, without signing
     * again (the key may have been rotated since; the time stamp stays the issuance's). Fails when the PDF is not
     * the one that was signed.
     */
    public static byte[] assemble(byte[] pdf, Instant signedAt, String reason, String signerName, String location,
                                  byte[] signature) throws DocumentSigningException {
        return withSignature(pdf, signedAt, reason, signerName, location, content -> {
            checkDigest(signature, content);
            return signature;
        });
    }

    /** Like {@link #assemble}, with this signer's name and location. */
    public byte[] assemble(byte[] pdf, Instant signedAt, String reason, byte[] signature) throws DocumentSigningException {
        return assemble(pdf, signedAt, reason, signerName, location, signature);
    }

    @FunctionalInterface
    private interface SignatureMaker {
        byte[] signatureOver(byte[] signedContent) throws DocumentSigningException;
    }

    private byte[] withSignature(byte[] pdf, Instant signedAt, String reason, SignatureMaker maker)
            throws DocumentSigningException {
        return withSignature(pdf, signedAt, reason, signerName, location, maker);
    }

    private static byte[] withSignature(byte[] pdf, Instant signedAt, String reason, String signerName,
                                        String location, SignatureMaker maker) throws DocumentSigningException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // The update's file identifier from the document itself, not the clock: the same input, the same bytes.
            document.setDocumentId(ByteBuffer.wrap(MessageDigest.getInstance(SHA_256).digest(pdf)).getLong());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setLocation(location);
            signature.setReason(reason);
            // PAdES: the signing time is the dictionary's /M, not a CMS signing-time attribute.
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(when);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                document.addSignature(signature, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                external.setSignature(maker.signatureOver(external.getContent().readAllBytes()));
                return out.toByteArray();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new DocumentSigningException("The document could not be signed: " + e.getMessage(), e);
        }
    }

    /** The kept signature's message digest must be that of the content it is put back on. */
    private static void checkDigest(byte[] signature, byte[] content) throws DocumentSigningException {
        try {
            SignerInformation signer = new CMSSignedData(signature).getSignerInfos().getSigners().iterator().next();
            byte[] digest = MessageDigest.getInstance(SHA_256).digest(content);
            byte[] signedDigest = org.bouncycastle.asn1.ASN1OctetString.getInstance(signer.getSignedAttributes()
                    .get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            if (!MessageDigest.isEqual(digest, signedDigest)) {
                throw new DocumentSigningException("The document rendered again is not the one that was signed");
            }
        } catch (CMSException | GeneralSecurityException e) {
            throw new DocumentSigningException("The kept signature cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] cms(byte[] signedBytes) throws DocumentSigningException {
        try {
            X509Certificate signer = certificate();
            // ESS signing-certificate-v2: binds the signature to this certificate (PAdES baseline requires it).
            ESSCertIDv2 certId = new ESSCertIDv2(sha256(signer.getEncoded()), new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                    signer.getSerialNumber()));
            AttributeTable extra = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
            // PAdES forbids the CMS signing-time attribute (the time is in the signature dictionary and the stamp).
            CMSAttributeTableGenerator signedAttributes = parameters -> defaults.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(new JcaContentSignerBuilder(ALGORITHM).build(key), signer);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
            return withTimeStamp(signed).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new DocumentSigningException("The CMS signature could not be made: " + e.getMessage(), e);
        }
    }

    /** PAdES B-T: the signature-time-stamp unsigned attribute, a token over the signature value. */
    private CMSSignedData withTimeStamp(CMSSignedData signed) throws DocumentSigningException, IOException,
            GeneralSecurityException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = timeStamps.stamp(sha256(signer.getSignature())).getEncoded();
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
        return MessageDigest.getInstance(SHA_256).digest(bytes);
    }
}

package kr.civilportal.launcher.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The portal's own certificate authority for development and tests (in production the keys come from Kubernetes
 * secrets or an HSM, under the government's GPKI): a root, an issuing CA under it, one document-signing certificate
 * per service that issues documents, and the time-stamp authority's certificate. Made once in a folder and kept, so
 * documents issued on an earlier run still chain to the same root. Every key is EC P-256.
 *
 * <p>Each PKCS#12 file holds one key with its chain (alias {@link #ALIAS}, password {@link #PASSWORD}: development
 * only, like the realm's demo users).
 */
public final class DevCertificateAuthority {

    public static final String ALIAS = "signing";
    public static final String PASSWORD = "portal-dev";
    /** RFC 9336 id-kp-documentSigning. */
    static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
            new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    static final Duration ISSUING_VALIDITY = Duration.ofDays(10 * 365);
    static final Duration LEAF_VALIDITY = Duration.ofDays(2 * 365);
    static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** Signed back-dated a little, so that a clock a moment behind does not find a brand-new certificate not valid yet. */
    static final Duration BACKDATE = Duration.ofHours(1);
    private static final String ORGANISATION = ", O=Civil Petition Portal (development), C=KR";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Issued root;
    private final Issued issuingCa;
    private final String crlUrl;

    /** A key and its certificate chain (the key's certificate first, the root last). */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }
    }

    private DevCertificateAuthority(Path dir, Issued root, Issued issuingCa, String crlUrl) {
        this.dir = dir;
        this.root = root;
        this.issuingCa = issuingCa;
        this.crlUrl = crlUrl;
    }

    /**
     * The authority kept in {@code dir}, made there the first time. {@code crlUrl} is where the issuing CA's CRL is
     * published (written into the certificates it issues).
     */
    public static DevCertificateAuthority openOrCreate(Path dir, String crlUrl) {
        try {
            Files.createDirectories(dir);
            Path rootFile = dir.resolve("root.p12");
            Path issuingFile = dir.resolve("issuing-ca.p12");
            Issued root;
            Issued issuing;
            if (Files.exists(rootFile) && Files.exists(issuingFile)) {
                root = read(rootFile);
                issuing = read(issuingFile);
            } else {
                root = selfSignedRoot();
                issuing = issue(root, "CN=Civil Petition Portal Development Issuing CA" + ORGANISATION, ISSUING_VALIDITY,
                        Role.ISSUING_CA, null);
                write(rootFile, root);
                write(issuingFile, issuing);
                writePem(dir.resolve("root.crt"), root.certificate());
            }
            return new DevCertificateAuthority(dir, root, issuing, crlUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("The development certificate authority in " + dir + " could not be opened", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The development certificate authority could not be made", e);
        }
    }

    /** The document-signing key of one service ({@code <service>-signing.p12}), issued the first time it is asked for. */
    public Path documentSigningKeystore(String service) {
        return keystore(service + "-signing.p12", "CN=" + service + " document signing" + ORGANISATION, Role.DOCUMENT_SIGNING);
    }

    /** The time-stamp authority's key ({@code tsa.p12}). */
    public Path timeStampingKeystore() {
        return keystore("tsa.p12", "CN=Civil Petition Portal Development Time-Stamp Authority" + ORGANISATION,
                Role.TIME_STAMPING);
    }

    public X509Certificate root() {
        return root.certificate();
    }

    /** The root as PEM, for validators (a trust anchor) and for people. */
    public Path rootPem() {
        return dir.resolve("root.crt");
    }

    /** A fresh CRL of the issuing CA (development revokes nothing: it lists no certificate). */
    public X509CRL currentCrl() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(
                    issuingCa.certificate().getSubjectX500Principal().getEncoded()), Date.from(now.minus(BACKDATE)));
            crl.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuingCa.certificate()));
            return new JcaX509CRLConverter().getCRL(crl.build(signer(issuingCa.key())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("The CRL could not be made", e);
        }
    }

    public static Issued read(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, PASSWORD.toCharArray());
            List<X509Certificate> chain = java.util.Arrays.stream(ks.getCertificateChain(ALIAS))
                    .map(c -> (X509Certificate) c).toList();
            return new Issued(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + p12, e);
        }
    }

    private Path keystore(String file, String subject, Role role) {
        Path p12 = dir.resolve(file);
        if (Files.exists(p12)) {
            return p12;
        }
        try {
            write(p12, issue(issuingCa, subject, LEAF_VALIDITY, role, crlUrl));
            return p12;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not issue " + subject, e);
        }
    }

    private enum Role { ISSUING_CA, DOCUMENT_SIGNING, TIME_STAMPING }

    private static Issued selfSignedRoot() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=Civil Petition Portal Development Root CA" + ORGANISATION);
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(ROOT_VALIDITY)), name, keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer(keys.getPrivate())));
        return new Issued(keys.getPrivate(), List.of(cert));
    }

    private static Issued issue(Issued issuer, String subject, Duration validity, Role role, String crlUrl)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), new X500Name(subject), keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.certificate()));
        switch (role) {
            case ISSUING_CA -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case DOCUMENT_SIGNING -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(DOCUMENT_SIGNING));
            }
            case TIME_STAMPING -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                // RFC 3161: the time-stamping purpose, alone and critical.
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
        }
        if (crlUrl != null) {
            GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)}));
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer(issuer.key())));
        List<X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(cert);
        chain.addAll(issuer.chain());
        return new Issued(keys.getPrivate(), List.copyOf(chain));
    }

    private static void write(Path p12, Issued issued) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, issued.key(), PASSWORD.toCharArray(), issued.chain().toArray(new Certificate[0]));
        Path tmp = p12.resolveSibling(p12.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        Files.move(tmp, p12, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePem(Path file, X509Certificate cert) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(cert);
        }
        Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
    }
}

package kr.civilportal.documents;

import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service that issues documents signs them ({@code portal.document-signing.*}). Each such service maps it with
 * its own {@code @ConfigMapping(prefix = "portal.document-signing")} interface extending this one, so services that
 * issue nothing need none of it. Production: the key store from a Kubernetes secret (or an HSM) and the government's
 * time-stamp authority; development: the launcher's signing authority.
 */
public interface DocumentSigningSettings {

    /** PKCS#12 with the signing key and its chain. */
    Path keyStore();

    String keyStorePassword();

    /** RFC 3161 over HTTP. */
    URI timeStampAuthority();

    /** How long an issuance waits for a time stamp before it is refused (503, try again). */
    @WithDefault("10s")
    Duration timeStampTimeout();

    /**
     * PEM files of the roots a presented document's signature must chain to (this portal's root; earlier ones while
     * documents signed under them are still in people's hands).
     */
    List<Path> trustedRoots();

    /** Where documents are signed, as readers show it. */
    @WithDefault("Republic of Korea")
    String location();

    default SignedDocumentCheck check() {
        List<X509Certificate> roots = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Path pem : trustedRoots()) {
                try (InputStream in = Files.newInputStream(pem)) {
                    x509.generateCertificates(in).forEach(c -> roots.add((X509Certificate) c));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The trusted roots " + trustedRoots() + " cannot be read", e);
        }
        return new SignedDocumentCheck(roots);
    }

    default DocumentSigner signer(String signerName) {
        return DocumentSigner.fromKeyStore(keyStore(), keyStorePassword().toCharArray(),
                new TimeStampClient(timeStampAuthority(), timeStampTimeout()), signerName, location());
    }
}

package kr.civilportal.residency.certificate;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kr.civilportal.documents.DocumentSigner;
import kr.civilportal.documents.DocumentSigningSettings;
import kr.civilportal.residency.ResidencySettings;

/**
 * Residency's document-signing key and time-stamp authority ({@code portal.document-signing.*}): every issued
 * certificate is signed as the issuing office, PAdES B-T.
 */
@ConfigMapping(prefix = "portal.document-signing")
public interface CertificateSigning extends DocumentSigningSettings {

    /** The signer the certificates are issued with: the key store is read once, at start. */
    final class Producer {

        @Produces
        @Singleton
        DocumentSigner signer(CertificateSigning settings, ResidencySettings residency) {
            return settings.signer(residency.certificate().issuer());
        }
    }
}

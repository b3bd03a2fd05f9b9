package kr.civilportal.land.extract;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kr.civilportal.documents.DocumentSigner;
import kr.civilportal.documents.DocumentSigningSettings;
import kr.civilportal.land.LandRegistrySettings;

/**
 * Land-registry's document-signing key and time-stamp authority ({@code portal.document-signing.*}): every issued
 * extract is signed as the issuing office, PAdES B-T.
 */
@ConfigMapping(prefix = "portal.document-signing")
public interface ExtractSigning extends DocumentSigningSettings {

    /** The signer the extracts are issued with: the key store is read once, at start. */
    final class Producer {

        @Produces
        @Singleton
        DocumentSigner signer(ExtractSigning settings, LandRegistrySettings land) {
            return settings.signer(land.extract().issuer());
        }
    }
}

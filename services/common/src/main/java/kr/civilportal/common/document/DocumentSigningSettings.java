package kr.civilportal.common.document;

import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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

    /** Where documents are signed, as readers show it. */
    @WithDefault("Republic of Korea")
    String location();

    default DocumentSigner signer(String signerName) {
        return DocumentSigner.fromKeyStore(keyStore(), keyStorePassword().toCharArray(),
                new TimeStampClient(timeStampAuthority(), timeStampTimeout()), signerName, location());
    }
}

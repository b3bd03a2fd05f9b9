package kr.civilportal.passport.supplement;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.civilportal.common.crypto.AtRestCipher;
import kr.civilportal.passport.PassportSettings;

/**
 * Seals the documents of 보완 answers at rest (AES-256-GCM, common's {@link AtRestCipher}) under passport's own key ring
 * ({@code portal.passport.documents.*}); made at start, so that a service without keys does not start rather than
 * failing on the first answer. The associated data names the purpose with the application's and the document's ids,
 * so that a document copied onto another row or application does not open at all.
 */
@Startup
@ApplicationScoped
public class SupplementDocumentCipher {

    static final String PURPOSE = "passport-supplement-document";

    private final AtRestCipher cipher;

    @Inject
    SupplementDocumentCipher(PassportSettings settings) {
        this(AtRestCipher.fromConfig(settings.documents().activeKeyId().orElse(null),
                settings.documents().keys().orElse(null)));
    }

    SupplementDocumentCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    AtRestCipher.Sealed seal(byte[] document, UUID applicationId, UUID documentId) {
        return cipher.seal(document, associatedData(applicationId, documentId));
    }

    byte[] open(String keyId, byte[] sealed, UUID applicationId, UUID documentId) {
        return cipher.open(keyId, sealed, associatedData(applicationId, documentId));
    }

    private static byte[] associatedData(UUID applicationId, UUID documentId) {
        return (PURPOSE + ":" + applicationId + ":" + documentId).getBytes(StandardCharsets.UTF_8);
    }
}

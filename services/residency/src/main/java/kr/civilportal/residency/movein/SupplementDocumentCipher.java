package kr.civilportal.residency.movein;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.civilportal.common.crypto.AtRestCipher;
import kr.civilportal.residency.ResidencySettings;

/**
 * Seals the documents of 보완 answers at rest (AES-256-GCM, common's {@link AtRestCipher}). Under the residency's one
 * at-rest key ring, that of the registration numbers ({@code portal.residency.rrn.active-key-id}, {@code …keys}): a
 * decision taken so that no new secret has to be wired into the launcher and Kubernetes; the associated data names a
 * purpose of its own ({@value #PURPOSE}) with the report's and the document's ids, so that no RRN ciphertext opens as
 * a document nor a document copied onto another row or report opens at all.
 */
@ApplicationScoped
public class SupplementDocumentCipher {

    static final String PURPOSE = "move-in-supplement-document";

    private final AtRestCipher cipher;

    @Inject
    SupplementDocumentCipher(ResidencySettings settings) {
        this(AtRestCipher.fromConfig(settings.rrn().activeKeyId().orElse(null), settings.rrn().keys().orElse(null)));
    }

    SupplementDocumentCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    AtRestCipher.Sealed seal(byte[] document, UUID reportId, UUID documentId) {
        return cipher.seal(document, associatedData(reportId, documentId));
    }

    byte[] open(String keyId, byte[] sealed, UUID reportId, UUID documentId) {
        return cipher.open(keyId, sealed, associatedData(reportId, documentId));
    }

    private static byte[] associatedData(UUID reportId, UUID documentId) {
        return (PURPOSE + ":" + reportId + ":" + documentId).getBytes(StandardCharsets.UTF_8);
    }
}

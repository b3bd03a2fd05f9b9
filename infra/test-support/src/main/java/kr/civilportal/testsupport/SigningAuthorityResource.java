package kr.civilportal.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;

/**
 * The development signing authority (a CA with a document-signing key for the service, and an RFC 3161 time-stamp
 * authority over HTTP), as the launcher runs it, for the {@code @QuarkusTest}s of a service that issues documents.
 * Init arg {@code service}: whose key. Tests find the root (their validator's trust anchor) through
 * {@link #ROOT_PROPERTY}.
 */
public class SigningAuthorityResource implements QuarkusTestResourceLifecycleManager {

    /** System property naming the PEM file of the development root. */
    public static final String ROOT_PROPERTY = "portal.test.signing-root";

    private String service;
    private DevSigningAuthority authority;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
    }

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "signing-authority").toAbsolutePath();
        authority = DevSigningAuthority.start(dir, 0);
        System.setProperty(ROOT_PROPERTY, authority.certificateAuthority().rootPem().toString());
        return Map.of(
                "portal.document-signing.key-store", authority.documentSigningKeystore(service).toString(),
                "portal.document-signing.key-store-password", DevCertificateAuthority.PASSWORD,
                "portal.document-signing.time-stamp-authority", authority.timeStampUrl(),
                "portal.document-signing.trusted-roots", authority.certificateAuthority().rootPem().toString());
    }

    @Override
    public void stop() {
        if (authority != null) {
            authority.close();
        }
    }
}

package kr.civilportal.residency.certificate;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link CertificateSignatureTest} against the packaged residency jar (quarkus-run.jar): it issues a signed
 * certificate that validates offline.
 */
@QuarkusIntegrationTest
class CertificateSignatureIT extends CertificateSignatureTest {
}

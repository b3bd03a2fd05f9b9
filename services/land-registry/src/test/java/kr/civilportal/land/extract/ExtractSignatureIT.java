package kr.civilportal.land.extract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ExtractSignatureTest} against the packaged land-registry jar (quarkus-run.jar): it issues a signed extract
 * that validates offline.
 */
@QuarkusIntegrationTest
class ExtractSignatureIT extends ExtractSignatureTest {
}

package kr.civilportal.passport.application;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TravelCertificateTest} against the packaged passport jar (quarkus-run.jar): it takes and answers
 * applications over HTTP.
 */
@QuarkusIntegrationTest
class TravelCertificateIT extends TravelCertificateTest {
}

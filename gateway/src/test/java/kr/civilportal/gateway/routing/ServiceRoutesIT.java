package kr.civilportal.gateway.routing;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ServiceRoutesTest} against the packaged gateway jar (quarkus-run.jar): it routes the services' APIs with
 * the caller's token.
 */
@QuarkusIntegrationTest
class ServiceRoutesIT extends ServiceRoutesTest {
}

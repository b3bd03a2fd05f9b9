package kr.civilportal.emergency.dispatch;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link DispatchTest} against the packaged emergency-report jar (quarkus-run.jar): it takes a report and dispatches
 * it.
 */
@QuarkusIntegrationTest
class DispatchIT extends DispatchTest {
}

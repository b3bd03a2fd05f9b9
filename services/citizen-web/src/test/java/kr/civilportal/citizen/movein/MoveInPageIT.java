package kr.civilportal.citizen.movein;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link MoveInPageTest} against the packaged citizen-web jar (quarkus-run.jar): it serves the move-in pages and
 * forwards the form.
 */
@QuarkusIntegrationTest
class MoveInPageIT extends MoveInPageTest {
}

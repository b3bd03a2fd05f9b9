package kr.civilportal.admin.residency;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link MoveInQueueTest} against the packaged admin-console jar (quarkus-run.jar): it shows and decides the move-in
 * queue.
 */
@QuarkusIntegrationTest
class MoveInQueueIT extends MoveInQueueTest {
}

package kr.civilportal.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run that asked for containers must fail, saying why, when no container engine answers: never fall back to
 * the embedded processes and pass as if the container path had been tested. This module's Surefire points
 * {@code DOCKER_HOST} at a socket that does not exist.
 */
class TestInfrastructureTest {

    @AfterEach
    void forgetTheChoice() {
        System.clearProperty(TestInfrastructure.PROPERTY);
    }

    @Test
    void withoutAChoiceTheTestsRunOnTheEmbeddedProcesses() {
        System.clearProperty(TestInfrastructure.PROPERTY);
        assertEquals(TestInfrastructure.EMBEDDED, TestInfrastructure.chosen());
    }

    @Test
    void anUnknownChoiceIsAnErrorNotTheDefault() {
        System.setProperty(TestInfrastructure.PROPERTY, "docker");
        IllegalStateException e = assertThrows(IllegalStateException.class, TestInfrastructure::chosen);
        assertTrue(e.getMessage().contains("embedded or containers"), e.getMessage());
    }

    @Test
    void containersWithoutAnEngineFailSayingWhereTheyLooked() {
        System.setProperty(TestInfrastructure.PROPERTY, "containers");
        assertEquals(TestInfrastructure.CONTAINERS, TestInfrastructure.chosen());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PostgresResource().start());
        assertTrue(e.getMessage().contains("no container engine answers at DOCKER_HOST=" + System.getenv("DOCKER_HOST")),
                e.getMessage());
    }
}

package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An isolated portal's ports stay below test-support's free ports and the kernel's ephemeral range: a PostgreSQL
 * on 33432 (offset 18000) can find its port taken by an outgoing connection, and the test using it fails at random.
 */
class PortalOptionsTest {

    @TempDir
    Path work;

    @Test
    void everyPortOfTheHighestAllowedOffsetIsBelowTheLimit() {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), 15_000, work);

        assertEquals(30_432, options.postgresPort());
        assertEquals(30_433, options.standbyPort());
        assertTrue(options.keycloakPort() < PortalOptions.HIGHEST_ISOLATED_PORT);
        assertTrue(options.signingAuthorityPort() < PortalOptions.HIGHEST_ISOLATED_PORT);
    }

    @Test
    void anOffsetPuttingPostgresqlIntoTheEphemeralRangeIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PortalOptions.isolated(PortalHome.locate(), 18_000, work));

        assertTrue(refused.getMessage().contains("at most 15566"), refused.getMessage());
    }

    @Test
    void aSharedKeycloakStaysThroughEveryOtherOptionButCannotServeASecondSite() {
        KeycloakServer shared = KeycloakServer.elsewhere(23_680);
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), 500, work).withSharedKeycloak(shared)
                .withoutWebApps().withReplicas(PortalApp.PASSPORT, 2).withAppConfig(PortalApp.GATEWAY, "a", "b");

        assertSame(shared, options.sharedKeycloak());
        assertThrows(IllegalStateException.class, options::withSecondSite);
        assertThrows(IllegalStateException.class, () -> PortalOptions.isolated(PortalHome.locate(), 500, work)
                .withSecondSite().withSharedKeycloak(shared));
    }
}

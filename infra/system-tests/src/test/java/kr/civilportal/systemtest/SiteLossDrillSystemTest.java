package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.launcher.drill.RecoveryObjectives;
import kr.civilportal.launcher.drill.SiteLossDrill;
import kr.civilportal.launcher.drill.SiteLossReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Losing the whole first site, on one machine: the drill {@code infra/portal drill site-loss} runs
 * ({@link SiteLossDrill}: citizens' 119 reports, certificates, passport applications and land reads through the
 * gateway; the first site's PostgreSQL, Keycloak and apps killed with SIGKILL; the runbook's failover), its table
 * is printed ({@code [site-loss]} lines), and the objectives are asserted: 0 acknowledged 119 reports lost; 119
 * accepting reports again within 60 s of the promotion's start and every service within 5 minutes; other losses
 * within the 2-minute RPO. Every service answering the citizen on the second site with the token the first site's
 * Keycloak issued is also the proof that nobody has to sign in again.
 *
 * <p>Without the web apps, which CI's time is better spent on elsewhere; the CLI drill includes them.
 */
class SiteLossDrillSystemTest {

    static final int PORT_OFFSET = 1_500;

    static Portal portal;

    @BeforeAll
    static void startPortalWithTwoSites() throws IOException {
        Path work = Files.createDirectories(Path.of("target/site-loss-drill").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps()
                .withoutPaymentProvider()
                .withSecondSite();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theSecondSiteTakesOverWithNo119ReportLost() throws Exception {
        SiteLossReport report = SiteLossDrill.run(portal, RecoveryObjectives.LOCAL_DRILL,
                line -> System.out.println("[site-loss] " + line));

        report.table().forEach(line -> System.out.println("[site-loss] " + line));
        assertEquals(List.of("emergency-report", "residency", "passport", "land-registry"),
                report.services().stream().map(SiteLossReport.ServiceRecovery::service).toList());
        for (SiteLossReport.ServiceRecovery s : report.services()) {
            if (s.acknowledged() >= 0) {
                assertTrue(s.acknowledged() >= SiteLossDrill.ACKNOWLEDGED_BEFORE_LOSS,
                        s.service() + ": the loss fell while the citizens were writing");
            }
        }
        assertEquals(List.of(), report.missedObjectives(RecoveryObjectives.LOCAL_DRILL));
    }
}

package kr.civilportal.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.KeycloakResource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole portal (PostgreSQL, Keycloak, the four services, the gateway) started by the launcher once for
 * all browser tests, ports shifted by {@link #PORT_OFFSET}, and stopped when the test run ends (JUnit's root
 * store closes it). The browser opens it at {@code http://127.0.0.1:<port>}: the development realm accepts
 * that loopback address on any port.
 */
public final class PortalUnderTest implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /**
     * 9000 by default; {@code -Dbrowser.port-offset=N} lets two checkouts on one machine run their browser
     * tests side by side without meeting on the same ports.
     */
    static final int PORT_OFFSET = Integer.getInteger("browser.port-offset", 9_000);

    private static PortalUnderTest running;

    final Portal portal;
    final String baseUrl;

    private PortalUnderTest(Portal portal, String baseUrl) {
        this.portal = portal;
        this.baseUrl = baseUrl;
    }

    /** For the JUnit extension registration only. */
    public PortalUnderTest() {
        this.portal = null;
        this.baseUrl = null;
    }

    static PortalUnderTest get() {
        if (running == null) {
            throw new IllegalStateException("Register @ExtendWith(PortalUnderTest.class)");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PortalUnderTest.class) {
            if (running != null) {
                return;
            }
            Path work = Files.createDirectories(Path.of("target/portal-browser-test").toAbsolutePath());
            PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work);
            // The Keycloak running for the whole build (infra/portal test), when there is one: no journey here stops
            // it or changes its realm.
            options = KeycloakResource.buildKeycloak().map(options::withSharedKeycloak).orElse(options);
            // The build machine is shared and often saturated: a service (and citizen-web, for its passport drafts)
            // waiting for its first database connection gets more than the default 5 s before it gives up starting.
            for (PortalApp app : List.of(PortalApp.RESIDENCY, PortalApp.PASSPORT, PortalApp.LAND_REGISTRY,
                    PortalApp.EMERGENCY_REPORT, PortalApp.CITIZEN_WEB)) {
                options = options.withAppConfig(app, "quarkus.datasource.jdbc.acquisition-timeout", "60s");
            }
            // Likewise the web apps' read time-out towards the API (4 s in production): a stopped service
            // still fails at once (connection refused), which is what the stopped-service journey checks.
            options = options.withAppConfig(PortalApp.CITIZEN_WEB, "quarkus.rest-client.read-timeout", "20000")
                    .withAppConfig(PortalApp.ADMIN_CONSOLE, "quarkus.rest-client.read-timeout", "20000");
            // And the gateway's time-out towards each service (2 s in production), below the web apps' read time-out:
            // a cold land-registry's first search took longer here with the machine saturated, and the page rightly
            // showed 'unavailable'. Stopped services still answer at once (connection refused).
            for (String route : List.of("residency", "passport", "land-registry", "emergency-report")) {
                options = options.withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes." + route + ".timeout", "15s");
            }
            // Passport's automatic 반려 after a supplement deadline runs hourly in production, first 2 minutes after
            // start: here every 5 s, so that PassportSupplementBrowserTest sees it act within its wait instead of an
            // hour later. It touches only applications left in 보완요청 past their deadline, which a deadline has to
            // be after today to be set, so no other journey has any: only the one that moves a deadline back in the
            // database.
            options = options.withAppConfig(PortalApp.PASSPORT, "portal.passport.supplement-deadline.every", "5s")
                    .withAppConfig(PortalApp.PASSPORT, "portal.passport.supplement-deadline.delayed", "5s");
            // Residency's job of the same name, for move-in reports (hourly, first 2 minutes after start, in
            // production): every 5 s here too, so that MoveInSupplementBrowserTest sees a report left past its 보완
            // deadline rejected within its wait. Likewise it touches only reports whose deadline passed, which only
            // that journey makes (by moving one back in the database).
            options = options.withAppConfig(PortalApp.RESIDENCY, "portal.residency.supplement-deadline.every", "5s")
                    .withAppConfig(PortalApp.RESIDENCY, "portal.residency.supplement-deadline.delayed", "5s");
            // The browser opens the portal at 127.0.0.1 (below), so the payment provider must send it back there, not
            // to localhost (another origin, without the citizen's session): citizen-web gives that return address and
            // passport accepts it (PassportFeeBrowserTest).
            String url = options.gatewayUrl().replace("://localhost:", "://127.0.0.1:");
            options = options.withAppConfig(PortalApp.CITIZEN_WEB, "portal.web.citizen.payment.public-base-url", url)
                    .withAppConfig(PortalApp.PASSPORT, "portal.passport.payment.return-url-prefixes", url + "/my/");
            Portal portal = Portal.start(options, line -> System.out.println("[portal] " + line));
            running = new PortalUnderTest(portal, url);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PortalUnderTest.class.getName(), running);
        }
    }

    @Override
    public void close() {
        synchronized (PortalUnderTest.class) {
            if (portal != null) {
                portal.close();
            }
            running = null;
        }
    }
}

package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kr.civilportal.launcher.PortalApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An official reads the system view: each service's state and its circuit breaker's; with the land-registry
 * service stopped, its row says it is down while the others stay up (and the land officer's console offers the
 * alternatives), and it comes back once restarted; the gateway's own status page says the same. A citizen trying
 * the console gets the forbidden page instead.
 */
@ExtendWith(PortalUnderTest.class)
class SystemViewBrowserTest {

    private static final List<String> SERVICES = List.of("residency", "passport", "land-registry", "emergency-report");

    @Test
    void anOfficialSeesEachServicesStateAndCircuitAndAStoppedServiceAsDown() {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser official = new Browser(portal.baseUrl, "system-view")) {
            official.open("/login");
            official.logInAs("land-officer");
            official.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
            official.click("a[href='/admin/system']");
            official.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/system"));
            for (String service : SERVICES) {
                awaitRow(official, service, "(UP)");
                assertTrue(official.text("#service-" + service + " .service-circuit").contains("CLOSED"), service);
            }
            official.checkPage("all-up");
            // The gateway's own pages: its status page (no meta refresh) and the waiting room's page for a
            // ticket it does not know.
            official.open("/status");
            assertTrue(official.text("h1").contains("서비스 상태"), official.text("h1"));
            official.checkPage("gateway-status");
            official.open("/waiting-room?ticket=unknown&return=/my/appointments");
            official.find("h1");
            official.checkPage("gateway-waiting-room-unknown-ticket");
            official.open("/admin/system");

            portal.portal.stop(PortalApp.LAND_REGISTRY);
            try {
                awaitRow(official, "land-registry", "(DOWN)");
                for (String service : SERVICES.subList(0, 2)) {
                    assertTrue(official.text("#service-" + service + " .service-state").contains("(UP)"), service);
                }
                assertTrue(official.text("#service-land-registry .service-circuit").matches("(?s).*\\((CLOSED|OPEN|HALF_OPEN)\\).*"),
                        "the circuit's state is shown while the service is down");
                assertTrue(official.text("#overall").contains("일부 장애") || official.text("#overall").contains("중단"),
                        official.text("#overall"));
                official.checkPage("land-registry-down");
                official.open("/status");
                String row = official.waitUntil(d -> d.findElement(By.xpath("//tr[th='land-registry']"))).getText();
                assertTrue(row.contains("DOWN"), row);
                official.checkPage("gateway-status-land-registry-down");

                // The land officer's console says so too, with the alternatives.
                official.open("/admin/land?asked=true&by=address&q=" + java.net.URLEncoder.encode("청운동 1",
                        java.nio.charset.StandardCharsets.UTF_8));
                String page = official.text("main");
                assertTrue(page.contains("토지대장 서비스를 지금 이용할 수 없습니다") && page.contains("120"), page);
                official.checkPage("land-console-while-down");
                official.open("/admin/system");
            } finally {
                portal.portal.start(PortalApp.LAND_REGISTRY);
            }
            awaitRow(official, "land-registry", "(UP)");
            official.shot("land-registry-back");
        }
    }

    @Test
    void aCitizenTryingTheConsoleGetsTheForbiddenPage() {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser citizen = new Browser(portal.baseUrl, "console-forbidden")) {
            citizen.open("/admin");
            citizen.logInAs("citizen");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
            assertTrue(citizen.text("h1").contains("권한이 없습니다"));
            assertTrue(citizen.all("a[href='/admin/move-ins'], a[href='/admin/system']").isEmpty(), "no work to reach");
            citizen.checkPage("admin-forbidden");
            citizen.open("/admin/system");
            assertTrue(citizen.text("h1").contains("권한이 없습니다"));
            citizen.open("/admin/land");
            assertTrue(citizen.text("h1").contains("권한이 없습니다"));
            citizen.shot("land-console-forbidden");
        }
    }

    /** Reloads the system view until the service's row shows the state (the gateway probes every second). */
    private static void awaitRow(Browser browser, String service, String state) {
        browser.waitUntil(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#service-" + service + " .service-state")).stream()
                    .anyMatch(cell -> cell.getText().contains(state));
        });
    }
}

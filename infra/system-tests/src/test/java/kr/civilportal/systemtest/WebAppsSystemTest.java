package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.systemtest.WebSession.Page;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web apps behind the gateway with the real topology: citizen-web (two replicas) and admin-console
 * as their own processes, every page opened through the gateway by signed-in browsers ({@link WebSession}: the
 * login through Keycloak's own login page, cookies kept). One portal (ports shifted by {@value #PORT_OFFSET}),
 * scenarios in order, each printing {@code [web-apps]} lines with its figures: citizen-web stopped, admin-console
 * stopped, passport hung, a rolling restart of citizen-web under page load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppsSystemTest {

    static final int PORT_OFFSET = 500;
    static final int CITIZEN_WEB_REPLICAS = 2;
    /** The promise: with citizen-web down, the gateway's static page comes within a second. */
    static final long FALLBACK_LIMIT_MILLIS = 1_000;
    /** The promise: with passport hung, its pages show the "unavailable" panel within 3 s. */
    static final long UNAVAILABLE_PANEL_LIMIT_MILLIS = 3_000;
    /** Readiness waits: the machine is shared with other portals, so minutes, not seconds. */
    static final Duration PHASE_LIMIT = Duration.ofMinutes(3);
    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
    static final Duration USER_PAUSE = Duration.ofMillis(100);
    static final String PARCEL = "1111010100100010000";
    /** Pages per stream and phase: enough to see a failure, few enough for a short run. */
    static final int PAGES_PER_PHASE = 20;
    static final int ANSWERS_PER_PHASE = 30;
    /** Fallback pages timed in scenario (a), and passport pages timed in (c). */
    static final int TIMED_PAGES = 10;

    /** Citizen pages that call residency and land-registry, or none (public): not passport. */
    static final List<String> OTHER_SERVICES_PAGES = List.of("/my/certificates", "/my/land",
            "/my/land/parcels/" + PARCEL, "/verify");
    /** Every kind of citizen page, passport's included, for the loads where nothing is hung. */
    static final List<String> CITIZEN_PAGES = List.of("/", "/my", "/my/certificates", "/my/land",
            "/my/land/parcels/" + PARCEL, "/my/appointments", "/my/passport", "/verify");

    /** The citizen-web route's circuit-breaker window (gateway: circuit-breaker.request-volume). */
    static final int CIRCUIT_WINDOW = 20;

    static Portal portal;
    static PortalOptions options;
    static String gateway;
    static String tokenEndpoint;

    @BeforeAll
    static void startPortal() throws Exception {
        long start = System.nanoTime();
        Path work = Files.createDirectories(Path.of("target/web-apps-system-test").toAbsolutePath());
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get())
                .withReplicas(PortalApp.CITIZEN_WEB, CITIZEN_WEB_REPLICAS)
                .withReplicas(PortalApp.ADMIN_CONSOLE, 1);
        // Many JVMs start at once on a shared machine: PostgreSQL may take longer than the pool's 5 s default to
        // hand out the first connection (Flyway at start-up).
        for (PortalApp app : PortalApp.services()) {
            options = options.withAppConfig(app, "quarkus.datasource.jdbc.acquisition-timeout", "60s");
        }
        options = options.withAppConfig(PortalApp.CITIZEN_WEB, "quarkus.datasource.jdbc.acquisition-timeout", "60s");
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl().replace("localhost", "127.0.0.1");
        tokenEndpoint = portal.keycloak().tokenEndpoint();
        System.out.println("[web-apps] portal started in " + millisSince(start) + " ms");
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    // --- (a) citizen-web stopped

    @Test
    @Order(1)
    void citizenWebStoppedTheApiAndThe119FormKeepWorkingAndTheFallbackComesWithinASecond() throws Exception {
        try (SteadyLoad api = new SteadyLoad(apiStreams())) {
            api.phase("before");
            api.awaitAnswers(ANSWERS_PER_PHASE, PHASE_LIMIT);
            api.phase("citizen-web-stopped");
            portal.stop(PortalApp.CITIZEN_WEB);
            try {
                WebSession browser = new WebSession(gateway);
                List<Long> fallbackMillis = new ArrayList<>();
                for (int i = 0; i < TIMED_PAGES; i++) {
                    Page home = browser.get("/");
                    fallbackMillis.add(home.millis());
                    assertEquals(503, home.status(), "/ with citizen-web stopped: " + home);
                    assertTrue(home.isCitizenFallback(), "the gateway's static fallback page: " + home);
                    assertTrue(home.body().contains("The portal's pages are unavailable right now"),
                            "its heading: " + home);
                    assertTrue(home.millis() <= FALLBACK_LIMIT_MILLIS, "fallback after " + home.millis() + " ms");
                }
                System.out.println("[web-apps] (a) / with citizen-web stopped: " + TIMED_PAGES
                        + " x 503 fallback page, ms " + fallbackMillis);

                // A 119 report through the fallback page's own form, sent twice (a double click): one report.
                String description = "웹 대체 화면 119 신고 " + UUID.randomUUID();
                Page fallback = browser.get("/");
                WebSession.Form form = fallback.form("idempotencyKey");
                Map<String, String> fields = Map.of("category", "FIRE", "description", description,
                        "address", "서울특별시 종로구 세종대로 209", "phone", "010-2345-6789");
                Page sent = browser.submit(form, fields);
                Page again = browser.submit(form, fields);
                System.out.println("[web-apps] (a) 119 through the fallback form: " + sent.status() + " in "
                        + sent.millis() + " ms, the same form again: " + again.status() + " in " + again.millis() + " ms");
                assertEquals(201, sent.status(), "delivered while emergency-report is up: " + sent);
                assertTrue(sent.body().contains("id=\"report-number\""), "the receipt page: " + sent);
                assertEquals(201, again.status(), "the resend gets the same receipt: " + again);
                assertEquals(reportNumber(sent), reportNumber(again), "the resend is the same report");
                long delivered = reportsWithDescription(description);
                System.out.println("[web-apps] (a) reports with that description in emergency-report's database: "
                        + delivered + " (report " + reportNumber(sent) + ")");
                assertEquals(1, delivered, "delivered exactly once");

                api.awaitAnswers(ANSWERS_PER_PHASE, PHASE_LIMIT);
            } finally {
                api.phase("restarting");
                portal.start(PortalApp.CITIZEN_WEB);
            }
            WebSession browser = new WebSession(gateway);
            long back = System.nanoTime();
            // The route's circuit counts the gateway's "no replica ready" answers of the stopped period; they stay
            // in its count-based window after citizen-web is back. Wait until a whole window of pages in a row is
            // normal, so the next scenario starts on a healthy route, and count the fallbacks met meanwhile.
            int[] inARow = {0};
            int[] fallbacksAfterReady = {0};
            LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> {
                Page page = quietly(() -> browser.get("/"));
                if (page.isNormalPage()) {
                    inARow[0]++;
                } else {
                    inARow[0] = 0;
                    fallbacksAfterReady[0]++;
                }
                return inARow[0] >= CIRCUIT_WINDOW;
            });
            System.out.println("[web-apps] (a) / normal " + CIRCUIT_WINDOW + " times in a row " + millisSince(back)
                    + " ms after citizen-web was ready; fallback pages after it was ready: " + fallbacksAfterReady[0]);
            System.out.println("[web-apps] (a) API while citizen-web was stopped:" + api.summary("before")
                    + api.summary("citizen-web-stopped"));
            assertNoApiFailures(api, "citizen-web-stopped");
        }
    }

    // --- (b) admin-console stopped

    @Test
    @Order(2)
    void adminConsoleStoppedCitizensAreUnaffectedAndOfficialsGetTheirFallback() throws Exception {
        List<WebSession> citizens = signedIn(3);
        try (SteadyLoad api = new SteadyLoad(apiStreams());
             PageLoad pages = new PageLoad(List.of(new PageLoad.Stream("citizen-pages", citizens, CITIZEN_PAGES,
                     Page::isNormalPage)))) {
            pages.phase("before");
            api.phase("before");
            pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
            api.awaitAnswers(ANSWERS_PER_PHASE, PHASE_LIMIT);
            pages.phase("admin-console-stopped");
            api.phase("admin-console-stopped");
            portal.stop(PortalApp.ADMIN_CONSOLE);
            try {
                Page admin = new WebSession(gateway).get("/admin");
                System.out.println("[web-apps] (b) /admin with admin-console stopped: " + admin.status() + " in "
                        + admin.millis() + " ms, officials' fallback " + admin.isOfficialsFallback());
                assertEquals(503, admin.status(), "/admin: " + admin);
                assertTrue(admin.isOfficialsFallback(), "the officials' fallback page: " + admin);
                pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
                api.awaitAnswers(ANSWERS_PER_PHASE, PHASE_LIMIT);
            } finally {
                pages.phase("after");
                api.phase("after");
                pages.awaitSettled("admin-console-stopped", PHASE_LIMIT);
                api.awaitSettled("admin-console-stopped", PHASE_LIMIT);
                portal.start(PortalApp.ADMIN_CONSOLE);
            }
            System.out.println("[web-apps] (b) citizen pages:" + pages.summary("before")
                    + pages.summary("admin-console-stopped"));
            System.out.println("[web-apps] (b) API:" + api.summary("admin-console-stopped"));
            PageLoad.Tally during = pages.tally("admin-console-stopped", "citizen-pages");
            assertTrue(during.total() >= PAGES_PER_PHASE, "pages while admin-console was stopped");
            assertEquals(0, during.failures(), "citizen pages while admin-console was stopped: " + during.samples);
            assertEquals(0, during.loginPages.sum(), "no citizen signed out");
            assertNoApiFailures(api, "admin-console-stopped");
        }
        // Back: /admin is admin-console's again (not signed in: Keycloak's login page for the officials' client).
        WebSession official = new WebSession(gateway);
        LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> quietly(() -> official.get("/admin")).isLoginPage());
    }

    // --- (c) passport hung

    @Test
    @Order(3)
    void passportHungOtherPagesAnswerNormallyAndPassportPagesShowTheUnavailablePanelWithin3Seconds() throws Exception {
        List<WebSession> citizens = signedIn(2);
        WebSession passportReader = signedIn(1).get(0);
        try (PageLoad pages = new PageLoad(List.of(new PageLoad.Stream("other-services", citizens,
                OTHER_SERVICES_PAGES, Page::isNormalPage)))) {
            pages.phase("before");
            pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
            Page normal = passportReader.get("/my/appointments");
            assertTrue(normal.isNormalPage(), "/my/appointments before the hang: " + normal);
            pages.phase("passport-hung");
            portal.pause(PortalApp.PASSPORT);
            try {
                List<Page> passportPages = new ArrayList<>();
                for (int i = 0; i < TIMED_PAGES; i++) {
                    passportPages.add(passportReader.get("/my/appointments"));
                }
                System.out.println("[web-apps] (c) /my/appointments while passport hung: "
                        + passportPages.stream().filter(Page::hasUnavailablePanel).count() + "/" + TIMED_PAGES
                        + " with the unavailable panel, statuses "
                        + passportPages.stream().map(Page::status).toList() + ", ms "
                        + passportPages.stream().map(Page::millis).toList());
                for (Page page : passportPages) {
                    assertTrue(page.hasUnavailablePanel(), "/my/appointments while passport hangs: " + page);
                    assertTrue(page.millis() <= UNAVAILABLE_PANEL_LIMIT_MILLIS, "panel after " + page.millis() + " ms");
                }
                // The passport form's first step is citizen-web's own draft (its database): it needs no passport call.
                Page form = passportReader.get("/my/passport");
                System.out.println("[web-apps] (c) /my/passport while passport hung: " + form.status() + " in "
                        + form.millis() + " ms, unavailable panel " + form.hasUnavailablePanel());
                assertTrue(form.millis() <= UNAVAILABLE_PANEL_LIMIT_MILLIS, "/my/passport after " + form.millis() + " ms");
                assertTrue(form.status() == 200 || form.hasUnavailablePanel(), "/my/passport: " + form);
                pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
            } finally {
                pages.phase("resuming");
                // Pages still waiting on the hung passport get their answer first: they count as "while hung".
                pages.awaitSettled("passport-hung", PHASE_LIMIT);
                portal.resume(PortalApp.PASSPORT);
            }
            System.out.println("[web-apps] (c) other services' pages:" + pages.summary("before")
                    + pages.summary("passport-hung"));
            PageLoad.Tally before = pages.tally("before", "other-services");
            PageLoad.Tally hung = pages.tally("passport-hung", "other-services");
            assertEquals(0, hung.failures(), "other services' pages while passport hung: " + hung.samples);
            assertEquals(0, hung.loginPages.sum(), "no citizen signed out");
            System.out.printf("[web-apps] (c) other services' pages p50 %d ms before, %d ms while passport hung%n",
                    before.p50(), hung.p50());
        }
        long resumed = System.nanoTime();
        LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT,
                () -> quietly(() -> passportReader.get("/my/appointments")).isNormalPage());
        System.out.println("[web-apps] (c) /my/appointments normal again " + millisSince(resumed) + " ms after SIGCONT");
    }

    // --- (d) rolling restart of citizen-web

    @Test
    @Order(4)
    void aRollingRestartOfCitizenWebFailsNoPageAndSignsNoCitizenOut() throws Exception {
        // Passport answers again (after (c), even if (c) failed before its own recovery wait): /my needs it.
        LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> quietlyStatus(api("/api/passport/v1/applications/mine")) == 200);
        List<WebSession> citizens = signedIn(4);
        try (PageLoad pages = new PageLoad(List.of(new PageLoad.Stream("citizen-pages", citizens, CITIZEN_PAGES,
                Page::isNormalPage)))) {
            pages.phase("before");
            pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
            pages.phase("rolling");
            long start = System.nanoTime();
            portal.restart(PortalApp.CITIZEN_WEB);
            long took = millisSince(start);
            pages.phase("after");
            pages.awaitSettled("rolling", PHASE_LIMIT);
            pages.awaitPages(PAGES_PER_PHASE, PHASE_LIMIT);
            System.out.println("[web-apps] (d) rolling restart of citizen-web (" + CITIZEN_WEB_REPLICAS
                    + " replicas) took " + took + " ms:" + pages.summary("before") + pages.summary("rolling")
                    + pages.summary("after"));
            for (String phase : List.of("rolling", "after")) {
                PageLoad.Tally t = pages.tally(phase, "citizen-pages");
                assertTrue(t.total() > 0, "pages " + phase);
                assertEquals(0, t.loginPages.sum(), "no citizen signed out (" + phase + "): " + t.samples);
                assertEquals(0, t.failures(), "failed pages (" + phase + "): " + t.samples);
            }
        }
    }

    // --- helpers

    /** Browsers signed in through Keycloak's login page, as citizen and citizen2 in turn (password = user name). */
    static List<WebSession> signedIn(int count) throws Exception {
        List<WebSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = i % 2 == 0 ? "citizen" : "citizen2";
            WebSession session = new WebSession(gateway);
            Page landed = session.login("/my", user, user);
            assertTrue(landed.isNormalPage(), user + " signed in: " + landed);
            sessions.add(session);
        }
        return sessions;
    }

    /** Apps using the API: a citizen's record and a parcel (with a token), and 119 reports as a phone sends them. */
    static List<SteadyLoad.Stream> apiStreams() {
        return List.of(
                new SteadyLoad.Stream("residency", 1, USER_PAUSE, () -> api("/api/residency/v1/me")),
                new SteadyLoad.Stream("land-registry", 1, USER_PAUSE, () -> api("/api/land/v1/parcels/" + PARCEL)),
                new SteadyLoad.Stream("emergency-report", 1, USER_PAUSE, WebAppsSystemTest::report));
    }

    static HttpRequest api(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.of(tokenEndpoint, "citizen")).GET().build();
    }

    static HttpRequest report() {
        return HttpRequest.newBuilder(URI.create(gateway + "/api/emergency/v1/reports")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"FIRE\",\"description\":\"웹 앱 시험 중 앱 신고\","
                        + "\"latitude\":37.5665,\"longitude\":126.9780,\"accuracyMeters\":15,"
                        + "\"reporterPhone\":\"010-2345-6789\"}"))
                .build();
    }

    static void assertNoApiFailures(SteadyLoad api, String phase) {
        for (String stream : List.of("residency", "land-registry", "emergency-report")) {
            SteadyLoad.Tally t = api.tally(phase, stream);
            assertTrue(t.total() >= ANSWERS_PER_PHASE, stream + " answers in " + phase + ": " + t.total());
            assertEquals(0, t.failures(), stream + " in " + phase + ": " + t.statusCounts() + " " + t.failureSamples);
        }
    }

    static String reportNumber(Page receipt) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"report-number\">([^<]+)<").matcher(receipt.body());
        return m.find() ? m.group(1).trim() : null;
    }

    static long reportsWithDescription(String description) throws Exception {
        try (Connection db = DriverManager.getConnection(portal.database().jdbcUrl("emergency"), "emergency",
                Portal.devPassword(PortalApp.EMERGENCY_REPORT));
             PreparedStatement q = db.prepareStatement("SELECT count(*) FROM emergency_report WHERE description = ?")) {
            q.setString(1, description);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    interface PageCall {
        Page get() throws Exception;
    }

    /** A page for a readiness wait: a failed request is "not yet" (a 0 status), not an error. */
    static Page quietly(PageCall call) {
        try {
            return call.get();
        } catch (Exception e) {
            return new Page(0, URI.create(gateway), e.toString(), 0, null);
        }
    }

    static int quietlyStatus(HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

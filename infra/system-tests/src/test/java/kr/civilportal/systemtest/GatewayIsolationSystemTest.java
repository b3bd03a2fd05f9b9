package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.systemtest.SteadyLoad.Stream;
import kr.civilportal.systemtest.SteadyLoad.Tally;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway keeps one service's trouble away from the others, with the whole portal as separate processes
 * (ports shifted by {@value #PORT_OFFSET}) and citizens' requests flowing all the time:
 * a service that hangs for real (SIGSTOP: its port accepts connections, nothing answers), a rolling update of a
 * service with two replicas, and a kill -9 of one of two replicas. Prints {@code [isolation]} lines with the
 * figures (p50/p99 and statuses per service and phase).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIsolationSystemTest {

    static final int PORT_OFFSET = 1_000;
    /** The gateway's route time-out (application.properties): no answer may take longer, plus scheduling slack. */
    static final long ROUTE_TIMEOUT_MILLIS = 2_000;
    static final long SLACK_MILLIS = 1_000;
    static final Duration PHASE_LIMIT = Duration.ofMinutes(3);
    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);
    static final Duration USER_PAUSE = Duration.ofMillis(100);
    static final String PARCEL = "1111010100100010000";

    static Portal portal;
    static String gateway;
    static String tokenEndpoint;
    static final Map<String, String[]> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/gateway-isolation-system-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withReplicas(PortalApp.EMERGENCY_REPORT, 2)
                .withReplicas(PortalApp.LAND_REGISTRY, 2);
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    /** A user's token, fetched again after a minute (the realm's tokens live a few minutes). */
    static String token(String user) {
        String[] cached = tokens.get(user);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > 60_000) {
            cached = new String[] {Tokens.of(tokenEndpoint, user), Long.toString(now)};
            tokens.put(user, cached);
        }
        return cached[0];
    }

    static HttpRequest.Builder get(String path, String user) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).GET();
    }

    /** A 119 report as a phone sends it, with its own Idempotency-Key: safe to deliver twice. */
    static HttpRequest report() {
        return HttpRequest.newBuilder(URI.create(gateway + "/api/emergency/v1/reports")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"FIRE\",\"description\":\"연기가 납니다\","
                        + "\"latitude\":37.5665,\"longitude\":126.9780,\"accuracyMeters\":15,"
                        + "\"reporterPhone\":\"010-2345-6789\"}"))
                .build();
    }

    static Stream residency() {
        return new Stream("residency", 2, USER_PAUSE, () -> get("/api/residency/v1/me", "citizen").build());
    }

    static Stream passport() {
        return new Stream("passport", 2, USER_PAUSE, () -> get("/api/passport/v1/applications/mine", "citizen").build());
    }

    static Stream land(int users) {
        return new Stream("land-registry", users, USER_PAUSE, () -> get("/api/land/v1/parcels/" + PARCEL, "citizen").build());
    }

    static Stream reports() {
        return new Stream("emergency-report", 2, USER_PAUSE, GatewayIsolationSystemTest::report);
    }

    static Stream dispatchList() {
        return new Stream("dispatch-list", 2, USER_PAUSE, () -> get("/api/emergency/v1/reports?size=5", "dispatcher").build());
    }

    @Test
    @Order(1)
    void aHungServiceGetsFast503sWhileTheOtherThreeServeAsBefore() {
        List<String> others = List.of("residency", "land-registry", "emergency-report");
        try (SteadyLoad load = new SteadyLoad(List.of(residency(), passport(), land(2), reports()))) {
            load.phase("before");
            load.awaitAnswers(60, PHASE_LIMIT);
            load.phase("pausing");
            load.awaitAnswers(4, PHASE_LIMIT);
            portal.pause(PortalApp.PASSPORT);
            long paused = System.nanoTime();
            try {
                load.phase("during");
                load.awaitAnswers(150, PHASE_LIMIT);
                System.out.println("[isolation] passport hung (SIGSTOP) for " + (System.nanoTime() - paused) / 1_000_000 + " ms");
                given().when().get(gateway + "/api/status").then().statusCode(200);
                String status = given().when().get(gateway + "/api/status").asString();
                System.out.println("[isolation] /api/status while hung: " + status);
            } finally {
                load.phase("resuming");
                portal.resume(PortalApp.PASSPORT);
            }
            LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> given().auth().oauth2(token("citizen"))
                    .get(gateway + "/api/passport/v1/applications/mine").statusCode() == 200);
            load.phase("after");
            load.awaitAnswers(40, PHASE_LIMIT);
            System.out.println("[isolation] hang:" + load.summary("before") + load.summary("during") + load.summary("after"));

            for (String service : others) {
                assertEquals(0, load.tally("before", service).failures(), service + " before");
                assertEquals(0, load.tally("during", service).failures(), service + " while passport hung");
                assertEquals(0, load.tally("after", service).failures(), service + " after");
            }
            Tally hung = load.tally("during", "passport");
            assertEquals(hung.total(), hung.count(503), "every passport call while it hung: a 503, nothing else");
            long slowest = hung.unavailableMicros.getMaxValue() / 1000;
            assertTrue(slowest <= ROUTE_TIMEOUT_MILLIS + SLACK_MILLIS, "slowest 503 after " + slowest + " ms");
            System.out.printf("[isolation] passport 503s while hung: n=%d p50 %.1f ms p99 %.1f ms max %d ms%n",
                    hung.total(), hung.p50(), hung.p99(), slowest);
            assertEquals(0, load.tally("after", "passport").failures(), "passport serves again after SIGCONT");
        }
        given().when().get(gateway + "/api/status").then().statusCode(200)
                .body("services.find { it.name == 'passport' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("incidents.findAll { it.service == 'passport' }.kind", org.hamcrest.Matchers.hasItem("REPLICA_OUT"))
                .body("incidents.findAll { it.service == 'passport' }.kind", org.hamcrest.Matchers.hasItem("REPLICA_IN"));
    }

    @Test
    @Order(2)
    void aRollingUpdateOfAServiceWithTwoReplicasFailsNoCitizenRequest() {
        try (SteadyLoad load = new SteadyLoad(List.of(reports(), dispatchList(), residency()))) {
            load.phase("before");
            load.awaitAnswers(30, PHASE_LIMIT);
            load.phase("rolling");
            long start = System.nanoTime();
            portal.restart(PortalApp.EMERGENCY_REPORT);
            System.out.println("[isolation] rolling restart of emergency-report (2 replicas) took "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            load.phase("after");
            load.awaitAnswers(30, PHASE_LIMIT);
            System.out.println("[isolation] rolling:" + load.summary("before") + load.summary("rolling") + load.summary("after"));
            for (String stream : List.of("emergency-report", "dispatch-list", "residency")) {
                Tally rolling = load.tally("rolling", stream);
                System.out.printf("[isolation] rolling update, %s: %d requests, %d failed%n", stream, rolling.total(),
                        rolling.failures());
                assertTrue(rolling.total() > 0, stream + " had requests during the update");
                assertEquals(0, rolling.failures(), stream + " during the rolling update: " + rolling.failureSamples);
                assertEquals(0, load.tally("after", stream).failures(), stream + " after");
            }
        }
    }

    @Test
    @Order(3)
    void aReplicaKilledMidLoadCostsAtMostTheRequestsItHeldAndThenNothing() {
        try (SteadyLoad load = new SteadyLoad(List.of(land(4)))) {
            load.phase("before");
            load.awaitAnswers(60, PHASE_LIMIT);
            load.phase("killed");
            long killed = System.nanoTime();
            portal.killReplica(PortalApp.LAND_REGISTRY, 1);
            LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> Integer.valueOf(1).equals(given().get(gateway + "/api/status")
                    .path("services.find { it.name == 'land-registry' }.replicasReady")));
            long detected = (System.nanoTime() - killed) / 1_000_000;
            load.phase("after-detection");
            load.awaitAnswers(100, PHASE_LIMIT);
            Tally window = load.tally("killed", "land-registry");
            System.out.println("[isolation] kill -9:" + load.summary("before") + load.summary("killed")
                    + load.summary("after-detection"));
            System.out.printf("[isolation] kill -9 of land-registry-1: out of rotation after %d ms; %d requests in that"
                    + " window, %d failed %s%n", detected, window.total(), window.failures(), window.failureSamples);
            assertEquals(0, load.tally("before", "land-registry").failures());
            assertEquals(0, load.tally("after-detection", "land-registry").failures(),
                    "after the detection window every request succeeds on the remaining replica");
        } finally {
            portal.start(PortalApp.LAND_REGISTRY);
        }
        LandReplicasSystemTest.awaitTrue(RECOVERY_LIMIT, () -> Integer.valueOf(2).equals(given().get(gateway + "/api/status")
                .path("services.find { it.name == 'land-registry' }.replicasReady")));
    }
}

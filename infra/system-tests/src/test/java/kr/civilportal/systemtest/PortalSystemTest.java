package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import kr.civilportal.launcher.AppReplica;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole portal as a citizen's phone or browser meets it: PostgreSQL, Keycloak, the four services and
 * the gateway as separate processes started by the launcher (the same code as {@code infra/portal up}),
 * every call through the gateway with real tokens. Ports are shifted by {@value #PORT_OFFSET} so this runs
 * beside a portal a developer has up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalSystemTest {

    static final int PORT_OFFSET = 10_000;
    static final int PASSPORT_REPLICAS = 2;
    /** The contract: a stopped service's calls fail fast, within the gateway's 2 s time-out. */
    static final long UNAVAILABLE_ANSWER_LIMIT_MILLIS = 2_000;

    static Portal portal;
    static String gateway;
    static String tokenEndpoint;

    static ProcessesSince processes;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/portal-system-test").toAbsolutePath());
        // What ran before (the Keycloak classes share), so that the check at the end looks at this portal's own.
        processes = ProcessesSince.now();
        // Two passport replicas: the gateway balances over them (SmallRye Stork).
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withReplicas(PortalApp.PASSPORT, PASSPORT_REPLICAS);
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            List<ProcessHandle> children = processes.started();
            portal.close();
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive),
                    () -> "every process the portal started is gone, but not: " + ProcessesSince.stillAlive(children));
        }
    }

    static String token(String user) {
        return Tokens.of(tokenEndpoint, user);
    }

    @Test
    @Order(1)
    void aCitizenReadsTheirResidentRecordThroughTheGateway() {
        given().auth().oauth2(token("citizen"))
                .when().get(gateway + "/api/residency/v1/me")
                .then().statusCode(200)
                .body("name", equalTo("김지민"))
                .body("residentRegistrationNumber", equalTo("900315-2******"));
    }

    @Test
    @Order(2)
    void parcelsAreLookedUpByPnuWithClearErrors() {
        String citizen = token("citizen");
        given().auth().oauth2(citizen).when().get(gateway + "/api/land/v1/parcels/1111010100100010000")
                .then().statusCode(200)
                .body("pnu", equalTo("1111010100100010000"))
                .body("address", containsString("청운동"));
        given().auth().oauth2(citizen).when().get(gateway + "/api/land/v1/parcels/12345")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pnu"));
        given().auth().oauth2(citizen).when().get(gateway + "/api/land/v1/parcels/1111010100199990000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void aCitizenAppliesForAPassportAndOnlyTheyAndOfficersSeeIt() {
        String id = given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":26}")
                .when().post(gateway + "/api/passport/v1/applications")
                .then().statusCode(201)
                .header("Location", containsString("/api/passport/v1/applications/"))
                .body("status", equalTo("SUBMITTED"))
                .extract().path("id");

        given().auth().oauth2(token("citizen")).when().get(gateway + "/api/passport/v1/applications/" + id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // Another citizen learns nothing, not even that it exists.
        given().auth().oauth2(token("citizen2")).when().get(gateway + "/api/passport/v1/applications/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("passport-officer")).when().get(gateway + "/api/passport/v1/applications?size=100")
                .then().statusCode(200).body("items.id", hasItem(id));
        // A citizen on an officer's endpoint.
        given().auth().oauth2(token("citizen")).when().get(gateway + "/api/passport/v1/applications")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void anyoneReportsTo119WithoutLoggingInAndADispatcherSeesIt() {
        String reportId = given().contentType(ContentType.JSON)
                .body("{\"category\":\"FIRE\",\"description\":\"연기가 많이 납니다\",\"latitude\":37.5665,"
                        + "\"longitude\":126.9780,\"accuracyMeters\":15,\"reporterPhone\":\"010-2345-6789\"}")
                .when().post(gateway + "/api/emergency/v1/reports")
                .then().statusCode(201)
                .body("reportId", notNullValue())
                .body("reporterPhone", equalTo("010-****-6789"))
                .extract().path("reportId");
        given().auth().oauth2(token("dispatcher")).when().get(gateway + "/api/emergency/v1/reports?size=100")
                .then().statusCode(200).body("items.reportId", hasItem(reportId));
    }

    @Test
    @Order(5)
    void withoutATokenEveryCitizenApiSays401AndACitizenCannotActAsAnOfficial() {
        for (String path : List.of("/api/residency/v1/me", "/api/passport/v1/applications/mine",
                "/api/land/v1/parcels/1111010100100010000", "/api/emergency/v1/reports")) {
            given().when().get(gateway + path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
        }
        given().auth().oauth2(token("citizen")).when().get(gateway + "/api/emergency/v1/reports")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(6)
    void eachServiceRoleReachesOnlyItsOwnDatabase() throws SQLException {
        int port = portal.database().port();
        try (var own = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/residency",
                "residency", Portal.devPassword(PortalApp.RESIDENCY))) {
            assertTrue(own.isValid(5));
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/passport", "residency", Portal.devPassword(PortalApp.RESIDENCY)));
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/residency", "passport", "wrong-password"));
    }

    @Test
    @Order(7)
    void theStatusShowsEveryServiceUpWithItsReplicas() {
        given().when().get(gateway + "/api/status")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("services.name", org.hamcrest.Matchers.containsInAnyOrder(
                        "residency", "passport", "land-registry", "emergency-report", "citizen-web", "admin-console"))
                .body("services.find { it.name == 'passport' }.replicas.size()", equalTo(PASSPORT_REPLICAS))
                .body("services.find { it.name == 'passport' }.replicas.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
        // Round robin over both replicas: every call answers, whichever replica takes it.
        String citizen = token("citizen");
        for (int i = 0; i < 2 * PASSPORT_REPLICAS; i++) {
            given().auth().oauth2(citizen).when().get(gateway + "/api/passport/v1/applications/mine")
                    .then().statusCode(200);
        }
    }

    @Test
    @Order(8)
    void withPassportStoppedTheOtherServicesServeAndPassportFailsFastUntilItIsBack() {
        portal.stop(PortalApp.PASSPORT);
        try {
            aCitizenReadsTheirResidentRecordThroughTheGateway();
            parcelsAreLookedUpByPnuWithClearErrors();
            anyoneReportsTo119WithoutLoggingInAndADispatcherSeesIt();

            String citizen = token("citizen");
            long start = System.nanoTime();
            Response response = given().auth().oauth2(citizen)
                    .when().get(gateway + "/api/passport/v1/applications/mine");
            long millis = (System.nanoTime() - start) / 1_000_000;
            response.then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:service-unavailable"));
            assertTrue(millis < UNAVAILABLE_ANSWER_LIMIT_MILLIS, "503 after " + millis + " ms");

            given().when().get(gateway + "/api/status")
                    .then().statusCode(200)
                    .body("status", equalTo("DEGRADED"))
                    .body("services.find { it.name == 'passport' }.status", equalTo("DOWN"))
                    .body("services.find { it.name == 'residency' }.status", equalTo("UP"));
        } finally {
            portal.start(PortalApp.PASSPORT);
        }
        // Back without restarting the gateway.
        given().auth().oauth2(token("citizen")).when().get(gateway + "/api/passport/v1/applications/mine")
                .then().statusCode(200);
        List<AppReplica> replicas = portal.replicas(PortalApp.PASSPORT);
        assertEquals(PASSPORT_REPLICAS, replicas.size());
    }

    @Test
    @Order(9)
    void whileKeycloakIsDownSignedInCitizensAreServedAndServicesStillStart() {
        String citizen = token("citizen");
        // Warm: the gateway and residency have fetched Keycloak's keys by now.
        given().auth().oauth2(citizen).when().get(gateway + "/api/residency/v1/me").then().statusCode(200);
        portal.stopKeycloak();
        // Tokens are checked locally against cached keys: no request needs Keycloak.
        given().auth().oauth2(citizen).when().get(gateway + "/api/residency/v1/me")
                .then().statusCode(200).body("name", equalTo("김지민"));
        given().when().get(gateway + "/api/land/v1/parcels/1111010100100010000").then().statusCode(401);
        // A service (re)starts and becomes ready without Keycloak.
        portal.restartReplica(PortalApp.LAND_REGISTRY, 0);
        given().when().get(portal.options().serviceUrl(PortalApp.LAND_REGISTRY) + "/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        portal.startKeycloak();
    }
}

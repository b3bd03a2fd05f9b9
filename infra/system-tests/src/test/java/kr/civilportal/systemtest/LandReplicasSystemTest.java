package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kr.civilportal.launcher.AppReplica;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The land register with two replicas, as separate processes started by the launcher: an owner change made on
 * one replica reaches the other replica's cache at once (PostgreSQL LISTEN/NOTIFY), and an extract is verified
 * through the gateway without logging in. The gateway gets the permission lines this service asks for (see
 * the land-registry README) as extra configuration, since its own properties are not this module's to change.
 */
class LandReplicasSystemTest {

    /** Keeps every port (PostgreSQL at 15432 + offset the highest) below the ephemeral range (32768+), and clear of
     * the offsets of the other system tests and benchmarks (multiples of 500; PortalOptions.HIGHEST_ISOLATED_PORT). */
    static final int PORT_OFFSET = 15_000;
    /** 서울특별시 종로구 신교동 1-2 (demo data). */
    static final String SINGYO_1_2 = "1111010200100010002";

    static Portal portal;
    static String gateway;
    static String tokenEndpoint;
    static List<AppReplica> land;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/land-replicas-system-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider()
                .withReplicas(PortalApp.LAND_REGISTRY, 2);
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
        land = portal.replicas(PortalApp.LAND_REGISTRY);
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    static String token(String user) {
        return Tokens.of(tokenEndpoint, user);
    }

    @Test
    void anOwnerChangeOnOneReplicaIsSeenAtOnceOnTheOther() {
        assertEquals(2, land.size());
        String first = land.get(0).url() + "/api/land/v1/parcels/" + SINGYO_1_2;
        String second = land.get(1).url() + "/api/land/v1/parcels/" + SINGYO_1_2;
        String citizen = token("citizen");
        // Both replicas now hold the parcel in their caches, with the same tag.
        String etag = given().auth().oauth2(citizen).when().get(first).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(citizen).when().get(second).then().statusCode(200).header("ETag", equalTo(etag));
        given().auth().oauth2(citizen).header("If-None-Match", etag).when().get(second).then().statusCode(304);

        given().auth().oauth2(token("land-officer")).contentType(ContentType.JSON)
                .body("{\"ownerName\":\"문가영\",\"share\":\"1/1\",\"changedOn\":\"" + LocalDate.now().minusDays(1)
                        + "\",\"cause\":\"SALE\"}")
                .when().post(first + "/owners")
                .then().statusCode(201);

        // The other replica: no restart, no expiry; only the notification can have dropped its entry.
        awaitTrue(Duration.ofSeconds(10), () -> {
            var r = given().auth().oauth2(citizen).header("If-None-Match", etag).when().get(second);
            return r.statusCode() == 200 && "문*영".equals(r.path("ownerHistory[0].ownerName"));
        });
        String newTag = given().auth().oauth2(citizen).when().get(first).then().statusCode(200)
                .body("ownerHistory[0].ownerName", equalTo("문*영")).extract().header("ETag");
        assertNotEquals(etag, newTag);
        given().auth().oauth2(citizen).when().get(second).then().header("ETag", equalTo(newTag));
        // And through the gateway, whichever replica answers.
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(citizen).when().get(gateway + "/api/land/v1/parcels/" + SINGYO_1_2)
                    .then().statusCode(200).body("ownerHistory.ownerName", hasItem("문*영"));
        }
    }

    /** Polls a condition until it holds or the time is up (the system-tests module has no Awaitility). */
    static void awaitTrue(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + limit);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anExtractIsIssuedThroughTheGatewayAndVerifiedThereWithoutLoggingIn() {
        var issued = given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"1111010100100010000\"}")
                .when().post(gateway + "/api/land/v1/extracts")
                .then().statusCode(201).contentType("application/pdf").extract();
        String number = issued.header("Issuance-Number");

        given().when().get(gateway + "/api/land/v1/extracts/" + number)
                .then().statusCode(200)
                .body("genuine", equalTo(true))
                .body("pnu", equalTo("1111010100100010000"))
                .body("contentHash", equalTo(issued.header("Content-Hash")));
        // Only the verification is public: issuing and downloading still need a login at the gateway.
        given().contentType(ContentType.JSON).body("{\"pnu\":\"1111010100100010000\"}")
                .when().post(gateway + "/api/land/v1/extracts")
                .then().statusCode(401);
        given().when().get(gateway + "/api/land/v1/extracts/" + number + "/pdf")
                .then().statusCode(401);
        given().when().get(gateway + "/api/land/v1/parcels/1111010100100010000")
                .then().statusCode(401);
    }
}

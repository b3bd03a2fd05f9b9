package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The passport application's identity check across a residency outage, with the real processes: residency
 * stopped, a citizen applies through the gateway and is accepted (201, identity check PENDING, never refused);
 * residency started again, passport's background job verifies the applicant by itself; and an officer settles
 * a check by hand while residency is down, after which the approval that was refused goes through.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassportIdentitySystemTest {

    static final int PORT_OFFSET = 12_000;
    /** Generous: residency's restart, the breaker's pause and the job's backoff on a busy shared machine. */
    static final Duration VERIFIED_DEADLINE = Duration.ofMinutes(4);
    static final String APPLICATIONS = "/api/passport/v1/applications";

    static Portal portal;
    static String gateway;
    static String tokenEndpoint;

    static ProcessesSince processes;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/passport-identity-system-test").toAbsolutePath());
        // Short retry pauses so that the test sees the job's retry soon after residency is back.
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider()
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.identity-check.every", "1s")
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.identity-check.retry-base", "PT1S")
                .withAppConfig(PortalApp.PASSPORT, "portal.passport.identity-check.retry-max", "PT5S");
        // What ran before (the shared Keycloak, started above if no class had), so that the check at the end looks
        // at this portal's own.
        processes = ProcessesSince.now();
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
    void anApplicationMadeWhileResidencyIsDownIsAcceptedAndVerifiedWhenItReturns() throws Exception {
        portal.stop(PortalApp.RESIDENCY);
        String id;
        try {
            id = apply();
            given().auth().oauth2(token("citizen")).when().get(gateway + APPLICATIONS + "/" + id)
                    .then().statusCode(200).body("identityCheck", equalTo("PENDING"));
        } finally {
            portal.start(PortalApp.RESIDENCY);
        }
        // Nobody asks: passport's background job finds residency back and verifies the applicant.
        Instant deadline = Instant.now().plus(VERIFIED_DEADLINE);
        String state = "PENDING";
        while (!"VERIFIED".equals(state)) {
            assertTrue(Instant.now().isBefore(deadline), "verified within " + VERIFIED_DEADLINE + "; still " + state);
            Thread.sleep(500);
            state = given().auth().oauth2(token("citizen")).when().get(gateway + APPLICATIONS + "/" + id)
                    .then().statusCode(200).extract().path("identityCheck");
        }
        given().auth().oauth2(token("citizen")).when().get(gateway + APPLICATIONS + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("history.find { it.identityCheck == 'VERIFIED' }.by", equalTo("passport-service"));
        // The citizen sees in residency's access log that the passport service checked them, and for what.
        given().auth().oauth2(token("citizen")).when().get(gateway + "/api/residency/v1/me/access-log")
                .then().statusCode(200)
                .body("find { it.reason == '본인 확인: passport-application:" + id + "' }.official",
                        equalTo("passport-service"));
        // Now verified, an officer may approve it.
        move(id, "UNDER_REVIEW").then().statusCode(200);
        move(id, "APPROVED").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    @Order(2)
    void anOfficerSettlesTheCheckByHandWhileResidencyIsDown() {
        portal.stop(PortalApp.RESIDENCY);
        try {
            String id = apply();
            move(id, "UNDER_REVIEW").then().statusCode(200);
            move(id, "APPROVED").then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:identity-not-verified"));
            given().auth().oauth2(token("passport-officer")).contentType(ContentType.JSON)
                    .body("{\"outcome\":\"CONFIRMED\",\"note\":\"방문 신청, 신분증 대조 (ID card checked at the desk)\"}")
                    .when().post(gateway + APPLICATIONS + "/" + id + "/identity-check")
                    .then().statusCode(200)
                    .body("identityCheck", equalTo("CONFIRMED_BY_OFFICER"))
                    .body("history.identityCheck", hasItem("CONFIRMED_BY_OFFICER"));
            move(id, "APPROVED").then().statusCode(200).body("status", equalTo("APPROVED"));
        } finally {
            portal.start(PortalApp.RESIDENCY);
        }
    }

    private static String apply() {
        return given().auth().oauth2(token("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(gateway + APPLICATIONS)
                .then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("identityCheck", equalTo("PENDING"))
                .extract().path("id");
    }

    private static io.restassured.response.Response move(String id, String to) {
        return given().auth().oauth2(token("passport-officer")).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\"}").when().post(gateway + APPLICATIONS + "/" + id + "/transitions");
    }
}

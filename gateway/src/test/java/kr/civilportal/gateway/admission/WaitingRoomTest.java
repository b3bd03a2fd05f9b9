package kr.civilportal.gateway.admission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import kr.civilportal.gateway.routing.BackendsResource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The waiting room's HTTP contract, on the passport route whose stand-in is ready but never answers (so a request
 * stays in flight for the route's 2 s time-out) with a capacity of one.
 */
@QuarkusTest
@TestProfile(WaitingRoomTest.CapacityOne.class)
class WaitingRoomTest {

    public static class CapacityOne implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.gateway.waiting-room.routes.passport.capacity", "1",
                    "portal.gateway.waiting-room.routes.passport.admission-rate", "20",
                    "portal.gateway.waiting-room.pass-validity", "3s",
                    "portal.gateway.waiting-room.poll-interval", "1s",
                    // Passport is the stand-in that is ready but never answers a request: a hung one (readiness
                    // unanswered too) would leave the rotation a second after start, and every request would then
                    // be answered 503 at once instead of staying in flight.
                    "portal.test.passport-stand-in", "${" + BackendsResource.STUCK_ADDRESS_PROPERTY + "}",
                    // A path of the stuck stand-in that stays in flight until the test hangs up.
                    "portal.gateway.routes.passport.path-timeouts.\"/api/passport/v1/hold\"", "60s");
        }
    }

    static final String MINE = "/api/passport/v1/applications/mine";

    @Inject
    WaitingRoom room;

    /** Requests held in flight: a test that fails midway must not leave one to the next test. */
    private final List<Socket> held = new ArrayList<>();

    @AfterEach
    void hangUp() throws Exception {
        for (Socket socket : held) {
            socket.close();
        }
        held.clear();
        awaitInFlight(0);
    }

    @Test
    void atCapacityACitizenGetsATicketPollsItAndComesInWithThePassWhichThenExpires() throws Exception {
        String citizen = Tokens.of("citizen");
        AutoCloseable inFlight = holdOneInFlight(citizen);

        JsonPath ticket = given().auth().oauth2(citizen).accept("application/json").when().get(MINE)
                .then().statusCode(202)
                .header("Retry-After", "1")
                .body("admitted", equalTo(false))
                .body("position", equalTo(1))
                .body("estimatedWaitSeconds", greaterThanOrEqualTo(1))
                .body("pollUrl", startsWith("/api/waiting-room/tickets/"))
                .body("messageKo", containsString("대기 순번"))
                .extract().jsonPath();
        assertEquals(1, room.queueLength("passport"));
        given().when().get(ticket.getString("pollUrl")).then().statusCode(200).body("admitted", equalTo(false))
                .header("Retry-After", "1");

        inFlight.close(); // the citizen in front hangs up: the place is free, the ticket is let in
        JsonPath admitted = pollUntilAdmitted(ticket.getString("pollUrl"));
        assertEquals(0, room.queueLength("passport"));
        assertTrue(admitted.getString("passExpiresAt").compareTo(admitted.getString("admittedAt")) > 0);

        // With the pass it goes through the waiting room to the (hung) service, not into the queue again.
        given().auth().oauth2(citizen).header(WaitingRoom.PASS_HEADER, ticket.getString("ticket"))
                .when().get(MINE).then().statusCode(503).body("type", equalTo("urn:civilportal:problem:service-unavailable"));

        // Once the pass window is over: 410, polled or used.
        Thread.sleep(3_100);
        given().when().get(ticket.getString("pollUrl")).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:waiting-room-ticket-expired"));
        given().auth().oauth2(citizen).header(WaitingRoom.PASS_HEADER, ticket.getString("ticket"))
                .when().get(MINE).then().statusCode(410);
    }

    @Test
    void aForgedTicketGetsA400Problem() {
        String forged = "v1.00000000.passport.1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        given().when().get("/api/waiting-room/tickets/" + forged).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:waiting-room-ticket-invalid"));
        given().auth().oauth2(Tokens.of("citizen")).header(WaitingRoom.PASS_HEADER, forged)
                .when().get(MINE).then().statusCode(400)
                .body("type", equalTo("urn:civilportal:problem:waiting-room-ticket-invalid"));
    }

    @Test
    void aBrowserWaitsOnAPageThatSendsItBackWithAPassCookie() throws Exception {
        String citizen = Tokens.of("citizen");
        AutoCloseable inFlight = holdOneInFlight(citizen);
        Response redirect = given().auth().oauth2(citizen).accept("text/html").redirects().follow(false)
                .when().get(MINE + "?x=1");
        redirect.then().statusCode(303).header("Location", startsWith("/waiting-room?ticket="));
        String page = redirect.getHeader("Location");
        assertTrue(page.contains("return=%2Fapi%2Fpassport%2Fv1%2Fapplications%2Fmine%3Fx%3D1"), page);

        given().urlEncodingEnabled(false).redirects().follow(false).when().get(page)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(not(containsString("http-equiv=\"refresh\"")))
                .body(containsString("id=\"waiting-check\""))
                .body(containsString("data-poll=\"/api/waiting-room/tickets/"))
                .body(containsString("대기 순번"))
                .body(containsString("role=\"status\""));

        inFlight.close();
        Response back = null;
        // Asks again as the page's script (or its button) does, until admitted (the deadline is generous for a loaded machine).
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while ((back == null || back.statusCode() != 303) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            back = given().urlEncodingEnabled(false).redirects().follow(false).when().get(page);
        }
        back.then().statusCode(303).header("Location", endsWith("/api/passport/v1/applications/mine?x=1"));
        // The page also gets the forms' CSRF cookie: look for the pass among all cookies set.
        String pass = back.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WaitingRoom.PASS_COOKIE + "=")).findFirst().orElse("");
        assertTrue(pass.contains("HttpOnly"), "an HttpOnly pass cookie: " + back.getHeaders().getValues("Set-Cookie"));
        String cookie = back.getCookie(WaitingRoom.PASS_COOKIE);
        // With the cookie the page's request passes the waiting room (and meets the hung service's 503).
        given().auth().oauth2(citizen).accept("text/html").cookie(WaitingRoom.PASS_COOKIE, cookie).redirects().follow(false)
                .when().get(MINE).then().statusCode(503);
    }

    @Test
    void officialsNeverQueue() throws Exception {
        String officer = Tokens.of("passport-officer");
        try (AutoCloseable inFlight = holdOneInFlight(Tokens.of("citizen"))) {
            given().auth().oauth2(officer).when().get("/api/passport/v1/applications")
                    .then().statusCode(503); // straight to the (hung) service, not 202
        }
    }

    @Test
    void theReturnPathIsAlwaysLocal() {
        assertEquals("/", WaitingRoomResource.safeReturn("//evil.example/x"));
        assertEquals("/", WaitingRoomResource.safeReturn("https://evil.example/"));
        assertEquals("/", WaitingRoomResource.safeReturn("/\\evil"));
        assertEquals("/", WaitingRoomResource.safeReturn(null));
        assertEquals("/passport?x=1", WaitingRoomResource.safeReturn("/passport?x=1"));
    }

    /**
     * One citizen request to the hung passport stand-in, on a path with a long time-out, over a raw socket: in
     * flight until the test hangs up, which must free the place (a citizen who gives up frees capacity).
     */
    private AutoCloseable holdOneInFlight(String token) throws Exception {
        Socket socket = new Socket("localhost", RestAssured.port);
        held.add(socket);
        socket.getOutputStream().write(("GET /api/passport/v1/hold HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        awaitInFlight(1);
        return () -> {
            socket.close();
            awaitInFlight(0);
        };
    }

    private void awaitInFlight(int expected) throws InterruptedException {
        for (int i = 0; i < 500 && room.inFlight("passport") != expected; i++) {
            Thread.sleep(20);
        }
        assertEquals(expected, room.inFlight("passport"), "requests in flight on passport");
    }

    private static JsonPath pollUntilAdmitted(String pollUrl) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            JsonPath state = given().when().get(pollUrl).then().statusCode(200).extract().jsonPath();
            if (state.getBoolean("admitted")) {
                return state;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not admitted within 10 s");
    }
}

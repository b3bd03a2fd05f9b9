package kr.civilportal.gateway.admission;

import static io.restassured.RestAssured.given;
import static kr.civilportal.gateway.admission.SharedAdmissionProfile.CAPACITY;
import static kr.civilportal.gateway.admission.SharedAdmissionProfile.RATE;
import static kr.civilportal.gateway.admission.SharedAdmissionProfile.ROUTE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared waiting room against the real PostgreSQL: this gateway and a second replica ({@link OtherReplica},
 * the gateway's own classes on the same store) share one queue on the residency route (capacity
 * {@value SharedAdmissionProfile#CAPACITY} over both).
 */
@QuarkusTest
@TestProfile(SharedAdmissionProfile.class)
class SharedWaitingRoomTest {

    static final String PATH = "/api/residency/v1/me";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    SharedStore store;

    @Inject
    WaitingRoomConfig config;

    @Inject
    WaitingRoom room;

    OtherReplica other;

    @BeforeEach
    void secondReplica() {
        awaitTrue(() -> store.link().shared(), "this replica shares its waiting room");
        other = new OtherReplica(store.dataSource(), config, ROUTE, CAPACITY, RATE);
    }

    @AfterEach
    void stopSecondReplica() {
        other.releaseAll();
        other.close();
    }

    @Test
    void ticketsFromBothReplicasShareOneCounterAndTheCapacityIsCountedOverBoth() throws Exception {
        String citizen = Tokens.of("citizen");
        other.hold(CAPACITY);
        // This replica has nothing in flight, yet the route is full: its newcomer waits.
        awaitTrue(() -> queued(citizen).statusCode() == 202 || room.queueLength(ROUTE) > 0,
                "the other replica's requests count here");
        JsonPath mine = given().auth().oauth2(citizen).accept("application/json").when().get(PATH)
                .then().statusCode(202).extract().jsonPath();
        String theirs = other.ticket();
        JsonPath mineAgain = given().auth().oauth2(citizen).accept("application/json").when().get(PATH)
                .then().statusCode(202).extract().jsonPath();
        long first = mine.getLong("number");
        assertEquals(first + 1, other.number(theirs), "one counter for both replicas");
        assertEquals(first + 2, mineAgain.getLong("number"));
        assertTrue(mine.getString("ticket").startsWith("v1.s"), "a ticket of the shared queue: " + mine.getString("ticket"));

        // The other replica's ticket is known here: its place, then its admission, then it is a pass here.
        given().when().get(WaitingRoom.TICKETS_PATH + WaitingRoom.encode(theirs)).then().statusCode(200)
                .body("admitted", equalTo(false)).body("number", equalTo((int) (first + 1)));
        other.releaseAll();
        List<Instant> admitted = new ArrayList<>();
        for (String ticket : List.of(mine.getString("ticket"), theirs, mineAgain.getString("ticket"))) {
            admitted.add(Instant.parse(pollUntilAdmitted(ticket).getString("admittedAt")));
        }
        assertEquals(admitted.stream().sorted().toList(), admitted, "let in in number order: " + admitted);
        given().auth().oauth2(citizen).header(WaitingRoom.PASS_HEADER, theirs).when().get(PATH)
                .then().statusCode(200).body("path", equalTo(PATH));
    }

    @Test
    void aHolderWhoStopsAskingIsPassedOverWhileOneWhoAsksAnotherReplicaKeepsThePlace() throws Exception {
        String citizen = Tokens.of("citizen");
        other.hold(CAPACITY);
        awaitTrue(() -> queued(citizen).statusCode() == 202, "the route is full");
        String leaves = other.ticket();                      // given by the other replica, never asked about again
        String stays = given().auth().oauth2(citizen).accept("application/json").when().get(PATH)
                .then().statusCode(202).extract().path("ticket");
        // The one who stays asks here (not at the replica that gave the ticket before it) for longer than
        // abandon-after, while the route stays full.
        Instant until = Instant.now().plusSeconds(SharedAdmissionProfile.ABANDON_SECONDS + 2);
        while (Instant.now().isBefore(until)) {
            given().when().get(WaitingRoom.TICKETS_PATH + WaitingRoom.encode(stays)).then().statusCode(200)
                    .body("admitted", equalTo(false));
            Thread.sleep(config.pollInterval().toMillis() / 2);
        }
        other.releaseAll();
        pollUntilAdmitted(stays);
        given().when().get(WaitingRoom.TICKETS_PATH + WaitingRoom.encode(leaves)).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:waiting-room-ticket-expired"));
    }

    @Test
    void theStatusSaysTheWaitingRoomIsSharedAndCountsTheReplicas() {
        awaitTrue(() -> given().when().get("/api/status").then().extract().jsonPath().getInt("admission.replicas") == 2,
                "both replicas counted");
        given().when().get("/api/status").then().statusCode(200)
                .body("admission.mode", equalTo("shared"))
                .body("admission.replica", startsWith("gateway-"));
        given().when().get("/status").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("shared"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("portal_gateway_admission_shared 1.0"), "gauge: shared");
    }

    @Test
    void withTheStoreCutOffThisReplicaGoesOnAloneSaysSoOnceAndSharesAgainWhenItIsBack() throws Exception {
        String citizen = Tokens.of("citizen");
        other.hold(CAPACITY);
        awaitTrue(() -> queued(citizen).statusCode() == 202, "the route is full");
        String waiting = given().auth().oauth2(citizen).accept("application/json").when().get(PATH)
                .then().statusCode(202).extract().path("ticket");
        StoreLinkResource.cut();
        try {
            awaitTrue(() -> "per-replica".equals(status().getString("admission.mode")),
                    "the status says the waiting room is per replica");
            String since = status().getString("admission.since");
            // Serving goes on: this replica alone takes its share of the route (1 of 2, with two replicas).
            given().auth().oauth2(citizen).accept("application/json").when().get(PATH).then().statusCode(200);
            // The shared queue stands still: its holder keeps the place rather than losing it.
            given().when().get(WaitingRoom.TICKETS_PATH + WaitingRoom.encode(waiting)).then().statusCode(200)
                    .body("admitted", equalTo(false));
            given().when().get("/status").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("per-replica"));
            // Ticks keep failing (every 100 ms, and the rate-limit exchange's): the mode does not flap, so the
            // change was logged once (each change of mode is one log line: see SharedAdmissionRulesTest).
            long cutAt = System.nanoTime();
            awaitTrue(() -> System.nanoTime() - cutAt > Duration.ofSeconds(1).toNanos(), "a second of failed ticks");
            assertEquals(since, status().getString("admission.since"), "one change, not one per failed tick");
        } finally {
            StoreLinkResource.restore();
        }
        awaitTrue(() -> "shared".equals(status().getString("admission.mode")), "shared again once the store is back");
        // The holder kept the place through the outage and is let in once the route has room.
        other.releaseAll();
        pollUntilAdmitted(waiting);
    }

    private static JsonPath status() {
        return given().when().get("/api/status").then().statusCode(200).extract().jsonPath();
    }

    private static Response queued(String token) {
        return given().auth().oauth2(token).accept("application/json").when().get(PATH);
    }

    private static JsonPath pollUntilAdmitted(String ticket) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonPath state = given().when().get(WaitingRoom.TICKETS_PATH + WaitingRoom.encode(ticket))
                    .then().statusCode(200).extract().jsonPath();
            if (state.getBoolean("admitted")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not admitted within " + PATIENCE + ": " + ticket);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

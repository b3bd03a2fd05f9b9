package kr.civilportal.citizen.appointment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pickup booking in a rush: the gateway queues it (202 with a waiting-room ticket), the citizen gets the
 * waiting-room page instead of an error, and, once the ticket is let in, the same booking (the same slot, the
 * same Idempotency-Key) goes through once with the pass, Portal-Admission.
 */
@QuarkusTest
class WaitingRoomBookingTest {

    private static final String TICKET = "t1.signed-by-the-gateway";
    private final UUID application = UUID.randomUUID();
    private final UUID slot = UUID.randomUUID();
    private final AtomicBoolean admitted = new AtomicBoolean();

    @BeforeEach
    void portal() {
        GatewayStandIn.reset();
        String base = "/api/passport/v1/applications/" + application;
        GatewayStandIn.answer("GET", base, r -> Answer.json(200, "{\"id\":\"" + application
                + "\",\"kind\":\"NEW\",\"status\":\"READY_FOR_PICKUP\",\"submittedAt\":\"2026-11-20T01:00:00Z\",\"newField\":1}"));
        GatewayStandIn.answer("GET", base + "/appointment", r -> Answer.problem(404, "{\"status\":404}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/pickup-slots", r -> Answer.json(200, "[{\"id\":\"" + slot
                + "\",\"officeId\":\"jongno\",\"officeName\":\"종로구청 여권민원실\",\"startsAt\":\"2026-12-01T01:00:00Z\",\"remaining\":3}]"));
        GatewayStandIn.answer("POST", base + "/appointment", r -> TICKET.equals(r.header("Portal-Admission"))
                ? Answer.json(201, "{\"slotId\":\"" + slot + "\",\"officeName\":\"종로구청 여권민원실\"}")
                : new Answer(202, Map.of("Content-Type", "application/json", "Retry-After", "3",
                        "Location", "/api/waiting-room/tickets/" + TICKET),
                        "{\"ticket\":\"" + TICKET + "\",\"route\":\"passport\",\"admitted\":false,\"position\":4,"
                                + "\"estimatedWaitSeconds\":2,\"pollUrl\":\"/api/waiting-room/tickets/" + TICKET + "\"}"));
        GatewayStandIn.answer("GET", "/api/waiting-room/tickets/" + TICKET, r -> Answer.json(200,
                admitted.get() ? "{\"ticket\":\"" + TICKET + "\",\"route\":\"passport\",\"admitted\":true,\"position\":0}"
                        : "{\"ticket\":\"" + TICKET + "\",\"route\":\"passport\",\"admitted\":false,\"position\":2,"
                                + "\"estimatedWaitSeconds\":1}"));
    }

    @Test
    void aQueuedBookingWaitsOnAnAccessiblePageAndIsMadeOnceWhenLetIn() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String form = citizen.get("/my/appointments/" + application).then().statusCode(200).extract().asString();
        String key = PageSession.hiddenFields(form).get("idempotencyKey");

        Response waiting = citizen.post("/my/appointments/" + application + "?from=%2Fmy%2Fappointments",
                form, Map.of("slotId", slot.toString()));
        String page = waiting.then().statusCode(202)
                .header("Retry-After", "3")
                .body(containsString("id=\"waiting-status\""))
                .body(containsString("aria-live=\"polite\""))
                .body(containsString("4번째"))
                .body(not(containsString("http-equiv=\"refresh\"")))
                .extract().asString();
        assertEquals(TICKET, citizen.cookies().get("portal-web-ticket-passport"), "the ticket is kept in the browser");
        Map<String, String> resume = PageSession.hiddenFields(page);
        assertEquals(slot.toString(), resume.get("slotId"), "the waiting page holds the same booking");
        assertEquals(key, resume.get("idempotencyKey"), "and the same key");

        // The page's script asks where the ticket stands; not yet, then let in.
        citizen.get("/my/waiting-room?route=passport").then().statusCode(200)
                .body("admitted", org.hamcrest.Matchers.is(false)).body("place", org.hamcrest.Matchers.is("2번째"));
        admitted.set(true);
        citizen.get("/my/waiting-room?route=passport").then().statusCode(200)
                .body("admitted", org.hamcrest.Matchers.is(true));

        // "Check my place now" (or the script) sends the waiting request again: it goes through with the pass.
        citizen.post("/my/appointments/" + application + "?from=%2Fmy%2Fappointments", page, Map.of())
                .then().statusCode(303).header("Location", containsString("/my/appointments/" + application + "?booked=true"));

        List<GatewayStandIn.Request> bookings = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/appointment")).toList();
        assertEquals(2, bookings.size(), "queued once, then let in once");
        assertTrue(bookings.stream().allMatch(b -> key.equals(b.header("Idempotency-Key"))), "one key throughout");
        assertEquals(bookings.get(0).body(), bookings.get(1).body(), "the same booking");
        assertEquals(null, bookings.get(0).header("Portal-Admission"));
        assertEquals(TICKET, bookings.get(1).header("Portal-Admission"));
        assertTrue(bookings.get(1).header("Authorization").startsWith("Bearer "), "with the citizen's own token");
    }

    @Test
    void aTicketTheGatewayNoLongerKnowsIsDroppedAndTheBookingAskedForAfresh() {
        GatewayStandIn.answer("POST", "/api/passport/v1/applications/" + application + "/appointment",
                r -> r.header("Portal-Admission") != null
                        ? Answer.problem(410, "{\"type\":\"urn:civilportal:problem:waiting-room-ticket-expired\",\"status\":410}")
                        : Answer.json(201, "{\"slotId\":\"" + slot + "\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("portal-web-ticket-passport", "an-old-ticket");
        String form = citizen.get("/my/appointments/" + application).then().statusCode(200).extract().asString();

        citizen.post("/my/appointments/" + application, form, Map.of("slotId", slot.toString()))
                .then().statusCode(303).header("Location", containsString("booked=true"));
        assertTrue(!citizen.cookies().containsKey("portal-web-ticket-passport"), "the old ticket is forgotten");
    }
}

package kr.civilportal.citizen.appointment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A passport is handed over at the office that received the application: the booking page offers that office's
 * slots only (passport refuses another's). An application from before offices may still choose any.
 */
@QuarkusTest
class PickupOfficeTest {

    private final UUID application = UUID.randomUUID();

    @BeforeEach
    void portal() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + application + "/appointment",
                r -> Answer.problem(404, "{\"status\":404}"));
        GatewayStandIn.answer("GET", "/api/passport/v1/pickup-slots", r -> Answer.json(200, "[{\"id\":\""
                + UUID.randomUUID() + "\",\"officeId\":\"SEOUL-JONGNO\",\"officeName\":\"종로구청 여권민원실\","
                + "\"startsAt\":\"2026-12-01T01:00:00Z\",\"remaining\":3},{\"id\":\"" + UUID.randomUUID()
                + "\",\"officeId\":\"BUSAN-CITY\",\"officeName\":\"부산광역시청 여권민원실\","
                + "\"startsAt\":\"2026-12-01T02:00:00Z\",\"remaining\":3}]"));
    }

    private void applicationReceivedAt(String office) {
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + application, r -> Answer.json(200,
                "{\"id\":\"" + application + "\",\"kind\":\"NEW\",\"status\":\"READY_FOR_PICKUP\","
                        + "\"submittedAt\":\"2026-11-20T01:00:00Z\"" + (office == null ? "" : ",\"office\":\"" + office
                        + "\"") + "}"));
    }

    @Test
    void onlyTheReceivingOfficesSlotsAreOffered() {
        applicationReceivedAt("BUSAN-CITY");
        new PageSession(Tokens.of("citizen")).get("/my/appointments/" + application).then().statusCode(200)
                .body(containsString("부산광역시청 여권민원실")).body(not(containsString("종로구청 여권민원실")));
    }

    @Test
    void anApplicationFromBeforeOfficesMayChooseAny() {
        applicationReceivedAt(null);
        new PageSession(Tokens.of("citizen")).get("/my/appointments/" + application).then().statusCode(200)
                .body(containsString("부산광역시청 여권민원실")).body(containsString("종로구청 여권민원실"));
    }
}

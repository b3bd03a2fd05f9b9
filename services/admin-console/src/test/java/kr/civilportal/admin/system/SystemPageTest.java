package kr.civilportal.admin.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The system view names replicas by label; the operator (admin) also reads their internal addresses, which the
 * gateway gives admin alone, and an officer's view never asks for them.
 */
@QuarkusTest
class SystemPageTest {

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/status", r -> Answer.json(200, "{\"status\":\"UP\",\"checkedAt\":\"2026-11-20T01:00:00Z\","
                + "\"services\":[{\"name\":\"passport\",\"status\":\"UP\",\"circuit\":\"CLOSED\",\"replicas\":[{\"replica\":\"passport-1\","
                + "\"status\":\"UP\"}],\"replicasReady\":1,\"replicasTotal\":1,\"inFlight\":0,\"inFlightLimit\":50}]}"));
        GatewayStandIn.answer("GET", "/api/status/replicas", r -> Answer.json(200,
                "[{\"service\":\"passport\",\"replica\":\"passport-1\",\"address\":\"10.1.2.3:8082\",\"reason\":\"readiness answered 200\"}]"));
    }

    @Test
    void theOperatorReadsTheAddresses() {
        new PageSession(Tokens.of("admin")).get("/admin/system").then().statusCode(200)
                .body(containsString("passport-1 (10.1.2.3:8082)"));
    }

    @Test
    void anOfficerReadsLabelsOnlyAndTheAddressesAreNotAskedFor() {
        new PageSession(Tokens.of("passport-officer")).get("/admin/system").then().statusCode(200)
                .body(containsString("passport-1")).body(not(containsString("10.1.2.3")));
        assertTrue(GatewayStandIn.received().stream().noneMatch(r -> r.path().equals("/api/status/replicas")));
    }
}

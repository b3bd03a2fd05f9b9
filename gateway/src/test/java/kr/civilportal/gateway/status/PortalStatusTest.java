package kr.civilportal.gateway.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kr.civilportal.gateway.status.PortalStatus.State;
import org.junit.jupiter.api.Test;

class PortalStatusTest {

    @Test
    void aServiceIsDownWithoutAReadyReplicaOrWithItsCircuitOpen() {
        assertEquals(State.DOWN, PortalStatus.service(0, 2, "CLOSED", false));
        assertEquals(State.DOWN, PortalStatus.service(2, 2, "OPEN", false));
        assertEquals(State.DEGRADED, PortalStatus.service(1, 2, "CLOSED", false));
        assertEquals(State.DEGRADED, PortalStatus.service(2, 2, "HALF_OPEN", false));
        assertEquals(State.DEGRADED, PortalStatus.service(2, 2, "CLOSED", true));
        assertEquals(State.UP, PortalStatus.service(2, 2, "CLOSED", false));
    }
}

package kr.civilportal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which answers are the pages' cases rather than results (the mapping itself runs in the apps' page tests). */
class ApiResponsesTest {

    @Test
    void onlyA202PointingAtAWaitingRoomTicketIsATicket() {
        assertTrue(ApiResponses.isTicket(202, "/api/waiting-room/tickets/abc"));
        assertFalse(ApiResponses.isTicket(202, "/api/emergency/v1/relay/123"), "the 119 relay's receipt is a result");
        assertFalse(ApiResponses.isTicket(202, null));
        assertFalse(ApiResponses.isTicket(201, "/api/waiting-room/tickets/abc"));
    }

    @Test
    void retryAfterIsTheGatewaysOrAFewSeconds() {
        assertEquals(5, ApiResponses.retryAfter("5"));
        assertEquals(1, ApiResponses.retryAfter("0"), "never a busy loop");
        assertEquals(3, ApiResponses.retryAfter(null));
        assertEquals(3, ApiResponses.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    }

    @Test
    void aProblemSpeaksThePagesLanguageAndNamesItsType() {
        ApiProblem problem = new ApiProblem("urn:civilportal:problem:slot-full", "Full", 409, "The slot is full",
                "예약이 마감되었습니다", null);
        assertTrue(problem.is("slot-full"));
        assertEquals("예약이 마감되었습니다", problem.detail(false));
        assertEquals("The slot is full", problem.detail(true));
        assertTrue(problem.errors().isEmpty());
    }
}

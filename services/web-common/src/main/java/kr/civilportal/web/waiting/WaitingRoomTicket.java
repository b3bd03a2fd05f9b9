package kr.civilportal.web.waiting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The gateway's waiting-room ticket (대기표) as it answers a call above a route's capacity (202) or a poll of
 * the ticket: the signed ticket, the route it queues for, the place in the queue and the expected wait. Fields
 * the pages do not use are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitingRoomTicket(String ticket, String route, boolean admitted, Integer position,
        Long estimatedWaitSeconds, String pollUrl) {

    /** Where the gateway has the tickets: a 202 whose Location starts so is a ticket, not a result. */
    public static final String TICKETS_PATH = "/api/waiting-room/tickets/";

    public int place() {
        return position == null ? 0 : position;
    }

    public long waitSeconds() {
        return estimatedWaitSeconds == null ? 0 : estimatedWaitSeconds;
    }
}

package kr.civilportal.gateway.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A ticket's state as callers see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String ticket, String route, long number, boolean admitted, Integer position,
                         Long estimatedWaitSeconds, String pollUrl, Instant admittedAt, Instant passExpiresAt,
                         String message, String messageKo) {

    static TicketView waiting(String ticket, String route, long number, int position, long waitSeconds) {
        return new TicketView(ticket, route, number, false, position, waitSeconds,
                WaitingRoom.TICKETS_PATH + WaitingRoom.encode(ticket), null, null,
                "Many people are using this service right now. You are number " + position + " in the queue "
                        + "(about " + waitSeconds + " s). Ask again at pollUrl; when admitted, repeat your request "
                        + "with header Portal-Admission: <ticket>.",
                "지금 이용자가 많아 순서대로 안내하고 있습니다. 대기 순번 " + position + "번, 예상 대기 약 "
                        + waitSeconds + "초입니다.");
    }

    static TicketView admitted(String ticket, String route, long number, long admittedAt, long passExpiresAt) {
        return new TicketView(ticket, route, number, true, 0, 0L, WaitingRoom.TICKETS_PATH + WaitingRoom.encode(ticket),
                Instant.ofEpochMilli(admittedAt), Instant.ofEpochMilli(passExpiresAt),
                "Your turn: repeat your request with header Portal-Admission: <ticket> before passExpiresAt.",
                "차례가 되었습니다. 이용 가능 시간 안에 다시 요청해 주세요.");
    }
}

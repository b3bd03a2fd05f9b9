package kr.civilportal.web.waiting;

/**
 * The gateway put the call in its waiting room: the page the citizen asked for becomes the waiting-room page
 * ({@link WaitingRoomPage}), which resumes the same request when the ticket is let in.
 */
public class AdmissionRequiredException extends RuntimeException {

    private final transient WaitingRoomTicket ticket;
    private final int retryAfterSeconds;

    public AdmissionRequiredException(WaitingRoomTicket ticket, int retryAfterSeconds) {
        super("Queued in the gateway's waiting room for " + ticket.route(), null, false, false);
        this.ticket = ticket;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public WaitingRoomTicket ticket() {
        return ticket;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

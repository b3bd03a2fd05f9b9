package kr.civilportal.web.waiting;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's waiting room: where a ticket stands (no login; 400/410 for a ticket it does not know). */
@RegisterRestClient(configKey = "waiting-room")
@Path("/api/waiting-room/tickets")
public interface WaitingRoomClient {

    @GET
    @Path("/{ticket}")
    WaitingRoomTicket ticket(@PathParam("ticket") String ticket);
}

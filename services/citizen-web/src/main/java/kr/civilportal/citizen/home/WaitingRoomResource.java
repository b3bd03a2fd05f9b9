package kr.civilportal.citizen.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.web.waiting.WaitingRoomPage;

/** Where the waiting-room page's script asks how the citizen's ticket stands (see web-common's WaitingRoomPage). */
@Path("/my/waiting-room")
public class WaitingRoomResource {

    private final WaitingRoomPage room;

    WaitingRoomResource(WaitingRoomPage room) {
        this.room = room;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WaitingRoomPage.Place place(@QueryParam("route") String route) {
        return room.poll(route);
    }
}

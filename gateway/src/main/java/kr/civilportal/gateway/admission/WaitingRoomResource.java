package kr.civilportal.gateway.admission;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import kr.civilportal.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The waiting room's own endpoints: a ticket's state for API callers, and the page browsers wait on. No login. */
@Path("/")
public class WaitingRoomResource {

    private final WaitingRoom room;
    private final Template page;

    WaitingRoomResource(WaitingRoom room, @Location("waiting-room.html") Template page) {
        this.room = room;
        this.page = page;
    }

    @GET
    @Path("api/waiting-room/tickets/{ticket}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A waiting-room ticket's place in the queue, or its admission (대기표 조회)")
    public Response ticket(@PathParam("ticket") String ticket) {
        try {
            TicketView view = room.status(ticket);
            Response.ResponseBuilder b = Response.ok(view).header("Cache-Control", "no-store");
            if (!view.admitted()) {
                b.header("Retry-After", room.config().pollInterval().toSeconds());
            }
            return b.build();
        } catch (WaitingRoom.TicketException e) {
            return problem(e.problem(), "/" + WaitingRoom.TICKETS_PATH.substring(1) + ticket);
        }
    }

    @GET
    @Path("waiting-room")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page a browser waits on (대기실); sends it back with a pass cookie when admitted")
    public Response page(@QueryParam("ticket") String ticket, @QueryParam("return") String returnTo) {
        String back = safeReturn(returnTo);
        long refresh = room.config().pollInterval().toSeconds();
        TicketView view;
        try {
            view = room.status(ticket);
        } catch (WaitingRoom.TicketException e) {
            return Response.status(e.problem().status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.data("view", null).data("problem", e.problem()).data("back", back)
                            .data("refresh", refresh).render())
                    .header("Cache-Control", "no-store").build();
        }
        if (view.admitted()) {
            long maxAge = Math.max(1, Duration.between(java.time.Instant.now(), view.passExpiresAt()).toSeconds());
            NewCookie pass = new NewCookie.Builder(WaitingRoom.PASS_COOKIE).value(ticket).path("/")
                    .maxAge((int) maxAge).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
            return Response.seeOther(URI.create(back)).cookie(pass).header("Cache-Control", "no-store").build();
        }
        return Response.ok(page.data("view", view).data("problem", null).data("back", back).data("refresh", refresh)
                        .render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    /** Only a path on this site: never an open redirect to somewhere else. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return returnTo;
    }

    private static Response problem(Problem problem, String instance) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(instance)).build();
    }
}

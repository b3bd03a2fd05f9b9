package kr.civilportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.web.waiting.WaitingRoomPage;

/** The officials' console start page: the work queues of the user's roles. */
@Path("/admin")
@RolesAllowed({Roles.RESIDENCY, Roles.PASSPORT, Roles.LAND, Roles.DISPATCH, Roles.DISPATCH_SUPERVISION, Roles.ADMIN,
        Roles.AUDIT})
public class AdminHome {

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    WaitingRoomPage room;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return Templates.home();
    }

    /**
     * Where a waiting-room page asks how its ticket stands. Officials' calls bypass the gateway's waiting room,
     * so the console should never show one; if a route queues them all the same, the page works as the citizens' does.
     */
    @GET
    @Path("waiting-room")
    @Produces(MediaType.APPLICATION_JSON)
    public WaitingRoomPage.Place waitingRoom(@QueryParam("route") String route) {
        return room.poll(route);
    }
}

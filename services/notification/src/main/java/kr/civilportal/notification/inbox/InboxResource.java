package kr.civilportal.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.notification.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The citizen's inbox: their own notifications only (by the token's {@code resident_id}). */
@Path(InboxResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Inbox", description = "A citizen's notifications about their petitions (알림함)")
public class InboxResource {

    public static final String PATH = "/api/notification/v1/me/notifications";

    @Inject
    Inbox inbox;
    @Inject
    JsonWebToken token;

    @GET
    @Operation(operationId = "listMyNotifications", summary = "My notifications, newest first (내 알림)",
            description = "The caller's own notifications about their petitions, in the language they chose when each "
                    + "was written; paged (page from 0, size 1 to 100).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxPage.class)))
    public InboxPage list(@BeanParam PageParams paging) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PageRequest page = paging.read(errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return inbox.list(Callers.residentId(token), page);
    }

    @GET
    @Path("unread-count")
    @Operation(operationId = "countMyUnreadNotifications", summary = "How many of my notifications are unread",
            description = "For the badge on the portal's bell: the caller's notifications not yet marked read.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public UnreadCount unread() {
        return inbox.unread(Callers.residentId(token));
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markMyNotificationRead", summary = "Mark a notification read (idempotent)",
            description = "Marking it again changes nothing. Another citizen's notification is a 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxView.class)))
    @APIResponse(responseCode = "404", description = "No such notification of the caller's")
    public InboxView markRead(@PathParam("id") UUID id) {
        return inbox.markRead(Callers.residentId(token), id);
    }
}

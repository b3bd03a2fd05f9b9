package kr.civilportal.citizen.notification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The notification service's citizen API, through the gateway (the usual 4 s): the inbox (알림함) and the
 * citizen's choices (알림 설정). Always the signed-in citizen's own, by their token.
 */
@RegisterRestClient(configKey = "notification")
@Path("/api/notification/v1/me")
public interface NotificationClient {

    /** One page of the citizen's notifications, newest first ({@code page} from 0). */
    @GET
    @Path("notifications")
    NotificationList list(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Marks one read (idempotent); another citizen's is a 404. */
    @POST
    @Path("notifications/{id}/read")
    Notification markRead(@PathParam("id") UUID id);

    @GET
    @Path("preferences")
    NotificationPreferences preferences();

    /** Replaces the choices; a bad address is a 400 with field {@code email}. */
    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    NotificationPreferences setPreferences(NotificationPreferences preferences);
}

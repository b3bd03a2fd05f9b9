package kr.civilportal.citizen.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The unread count for the menu's badge, on every citizen page: a client of its own so that it has its own short
 * time-outs ({@code quarkus.rest-client.notification-badge.*}), far below the pages' 4 s.
 */
@RegisterRestClient(configKey = "notification-badge")
@Path("/api/notification/v1/me/notifications/unread-count")
public interface UnreadCountClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnreadCount(long unread) {
    }

    @GET
    UnreadCount unread();
}

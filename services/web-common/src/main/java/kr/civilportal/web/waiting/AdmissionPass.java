package kr.civilportal.web.waiting;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.civilportal.web.page.WebPageSettings;

/**
 * The citizen's waiting-room ticket per gateway route, kept in the browser (cookie {@code portal-web-ticket-<route>})
 * and nowhere on the server, so any replica of the app resumes the wait. While it is there every API call of that
 * route carries it as {@code Portal-Admission}: the gateway answers "still waiting" with the same place, or lets
 * the call in once the ticket is admitted. A ticket the gateway no longer knows (expired, another gateway
 * process) is dropped and the call is made again without it.
 */
@RequestScoped
public class AdmissionPass {

    public static final String HEADER = "Portal-Admission";
    static final String COOKIE_PREFIX = "portal-web-ticket-";

    @Inject
    HttpServerRequest request;
    @Inject
    WebPageSettings settings;

    private final Map<String, String> issued = new HashMap<>();
    private final Set<String> dropped = new HashSet<>();
    private final Set<String> sent = new HashSet<>();

    /** The ticket to send with a call of this route, if the citizen holds one. */
    public Optional<String> forRoute(String route) {
        if (dropped.contains(route)) {
            return Optional.empty();
        }
        if (issued.containsKey(route)) {
            return Optional.of(issued.get(route));
        }
        Cookie cookie = request.getCookie(COOKIE_PREFIX + route);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /** Called by the client filter: this call carries the route's ticket. */
    public void sending(String route) {
        sent.add(route);
    }

    /** A ticket the gateway refused was sent on this route: forget it; true if one was sent (so try again). */
    public boolean dropIfSent(String route) {
        if (!sent.remove(route)) {
            return false;
        }
        dropped.add(route);
        issued.remove(route);
        return true;
    }

    /** A new ticket from the gateway: kept in the browser for the next try. */
    public void hold(WaitingRoomTicket ticket) {
        issued.put(ticket.route(), ticket.ticket());
        dropped.remove(ticket.route());
    }

    /** The cookies this answer sets (new tickets) or clears (refused ones). */
    Map<String, Optional<String>> changes() {
        Map<String, Optional<String>> changes = new HashMap<>();
        dropped.forEach(route -> changes.put(COOKIE_PREFIX + route, Optional.empty()));
        issued.forEach((route, ticket) -> changes.put(COOKIE_PREFIX + route, Optional.of(ticket)));
        return changes;
    }

    java.time.Duration maxAge() {
        return settings.waitingRoom().ticketMaxAge();
    }
}

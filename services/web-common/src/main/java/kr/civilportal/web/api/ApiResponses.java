package kr.civilportal.web.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import kr.civilportal.web.waiting.AdmissionRequiredException;
import kr.civilportal.web.waiting.WaitingRoomTicket;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one place where the API's answers become the pages' cases, for every REST client of both web apps: a
 * 4xx problem+json is a {@link ServiceRefusedException} carrying the problem (its field errors go next to the
 * form's fields); a 5xx is a {@link ServiceUnavailableException} (the "unavailable" panel); and a 202 waiting-room
 * ticket from the gateway is an {@link AdmissionRequiredException} (the waiting-room page), never mistaken for
 * the answer it stands in for. Transport failures never reach a mapper: {@link ServiceCalls} sorts those.
 */
@Provider
@Priority(ApiResponses.PRIORITY)
public class ApiResponses implements ResponseExceptionMapper<RuntimeException> {

    /** Before MicroProfile's default mapper (which would throw a bare WebApplicationException). */
    static final int PRIORITY = 100;
    private static final int SECONDS_IF_UNSAID = 3;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 || isTicket(status, headers.getFirst("Location"));
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (isTicket(status, response.getHeaderString("Location"))) {
            WaitingRoomTicket ticket = read(response, WaitingRoomTicket.class);
            if (ticket == null || ticket.ticket() == null || ticket.route() == null) {
                return new ServiceUnavailableException("A waiting-room answer without its ticket", null);
            }
            return new AdmissionRequiredException(ticket, retryAfter(response.getHeaderString("Retry-After")));
        }
        if (status >= 500) {
            return new ServiceUnavailableException("The API answered " + status, null);
        }
        ApiProblem problem = read(response, ApiProblem.class);
        return new ServiceRefusedException(status, problem == null ? ApiProblem.empty(status) : problem);
    }

    static boolean isTicket(int status, Object location) {
        return status == Response.Status.ACCEPTED.getStatusCode() && location != null
                && location.toString().startsWith(WaitingRoomTicket.TICKETS_PATH);
    }

    static int retryAfter(String header) {
        try {
            return header == null ? SECONDS_IF_UNSAID : Math.max(1, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return SECONDS_IF_UNSAID;
        }
    }

    private static <T> T read(Response response, Class<T> type) {
        try {
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? null : JSON.readValue(body, type);
        } catch (RuntimeException | java.io.IOException e) {
            // Not JSON (a proxy's HTML page): the status alone decides.
            return null;
        }
    }
}

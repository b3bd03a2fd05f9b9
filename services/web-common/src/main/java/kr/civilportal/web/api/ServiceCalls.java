package kr.civilportal.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/**
 * How the pages call a service: with the logged-in user's own access token (the service decides on roles as
 * for any API call), and with every failure sorted into "the service is unavailable" (refused, timed out,
 * 502/503/504: the page shows the alternatives) or "the service said no" (a problem+json to show next to the
 * form's fields).
 */
@RequestScoped
public class ServiceCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SecurityIdentity identity;

    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("No access token: this page must require a login");
        }
        return "Bearer " + token.getToken();
    }

    /** Runs a call, turning transport failures and 5xx into {@link ServiceUnavailableException}. */
    public <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 502 || status == 503 || status == 504 || status == 500) {
                throw new ServiceUnavailableException(service, e);
            }
            throw new ServiceRefusedException(service, status, problemOf(e));
        } catch (ProcessingException e) {
            throw new ServiceUnavailableException(service, e);
        } catch (RuntimeException e) {
            if (isTransportFailure(e)) {
                throw new ServiceUnavailableException(service, e);
            }
            throw e;
        }
    }

    static boolean isTransportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.vertx.core.VertxException || t instanceof java.io.IOException
                    || t instanceof io.smallrye.stork.api.NoServiceInstanceFoundException) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode problemOf(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException ignored) {
            return JSON.createObjectNode();
        }
    }
}

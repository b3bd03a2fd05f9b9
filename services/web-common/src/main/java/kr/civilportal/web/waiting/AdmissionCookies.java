package kr.civilportal.web.waiting;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Writes the waiting-room ticket cookies that a page's calls got or dropped (see {@link AdmissionPass}). */
public class AdmissionCookies {

    @Inject
    AdmissionPass passes;

    @ServerResponseFilter
    public void write(ContainerResponseContext response) {
        Map<String, Optional<String>> changes = passes.changes();
        changes.forEach((name, value) -> {
            NewCookie cookie = new NewCookie.Builder(name).value(value.orElse("")).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .maxAge(value.isPresent() ? (int) passes.maxAge().toSeconds() : 0).build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        });
    }
}

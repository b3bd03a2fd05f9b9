package kr.civilportal.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The console's role check: a page of another role's work is a plain 403 page in the console's look, not the
 * API's problem+json (the services check the roles again on every call).
 */
@RequestScoped
public class AdminAccess {

    /** Thrown when the user lacks the page's role. */
    public static class NotPermitted extends RuntimeException {
        public NotPermitted(String role) {
            super("needs role " + role);
        }
    }

    private final SecurityIdentity identity;

    AdminAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The console's roles: each officer role, the 119 dispatcher, and admin (every page). */
    public static final java.util.Set<String> OFFICIAL_ROLES = java.util.Set.of("residency-officer",
            "passport-officer", "land-officer", "dispatcher", "admin");

    /** Any official's role: the console's start page and the system view are not for citizens. */
    public void requireOfficial() {
        if (identity.isAnonymous() || OFFICIAL_ROLES.stream().noneMatch(identity::hasRole)) {
            throw new NotPermitted("an official's role");
        }
    }

    public void require(String role) {
        if (identity.isAnonymous() || !(identity.hasRole(role) || identity.hasRole("admin"))) {
            throw new NotPermitted(role);
        }
    }

    static class Mapper {
        private final Template forbidden;

        Mapper(@Location("admin/forbidden.html") Template forbidden) {
            this.forbidden = forbidden;
        }

        @ServerExceptionMapper
        Response notPermitted(NotPermitted e) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(forbidden.instance().render()).build();
        }
    }
}

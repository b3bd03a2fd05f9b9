package kr.civilportal.citizen.home;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The portal's front page, and {@code /login}: where the login link goes, then on to the user's start page. */
@Path("/")
public class HomeResource {

    private final Template home;
    private final SecurityIdentity identity;

    HomeResource(@Location("home.html") Template home, SecurityIdentity identity) {
        this.home = home;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@QueryParam("loggedOut") boolean loggedOut) {
        return home.data("loggedOut", loggedOut);
    }

    /** Needs a login (the web tenant sends the browser to Keycloak first); officials start in the console. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        boolean official = identity.getRoles().stream()
                .anyMatch(r -> r.endsWith("-officer") || r.equals("dispatcher") || r.equals("admin"));
        return Response.seeOther(URI.create(official ? "/admin" : "/my")).build();
    }
}

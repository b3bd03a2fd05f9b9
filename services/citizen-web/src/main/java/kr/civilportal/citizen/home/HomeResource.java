package kr.civilportal.citizen.home;

import io.quarkus.qute.CheckedTemplate;
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
import kr.civilportal.web.page.PageContext;

/** The portal's front page, and {@code /login}: where the login link goes, then on to the user's start page. */
@Path("/")
public class HomeResource {

    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance home(boolean loggedOut);
    }

    private final SecurityIdentity identity;
    private final PageContext ctx;

    HomeResource(SecurityIdentity identity, PageContext ctx) {
        this.identity = identity;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@QueryParam("loggedOut") boolean loggedOut) {
        return Templates.home(loggedOut);
    }

    /** Needs a login (the browser is sent to Keycloak first); officials start in the console. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create(ctx.officer() ? "/admin" : "/my")).build();
    }
}

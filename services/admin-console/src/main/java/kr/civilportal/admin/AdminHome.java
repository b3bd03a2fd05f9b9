package kr.civilportal.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The officials' console start page: the work queues of the user's roles. */
@Path("/admin")
@Authenticated
public class AdminHome {

    private final Template home;
    private final AdminAccess access;

    AdminHome(@Location("admin/home.html") Template home, AdminAccess access) {
        this.home = home;
        this.access = access;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        access.requireOfficial();
        return home.instance();
    }
}

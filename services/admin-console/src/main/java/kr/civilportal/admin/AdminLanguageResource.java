package kr.civilportal.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import kr.civilportal.web.page.LanguageSwitch;

/** {@code /admin/lang?to=en&back=/admin}: the console's language switch (the gateway routes /lang to citizen-web). */
@Path("/admin/lang")
public class AdminLanguageResource {

    @GET
    public Response switchTo(@QueryParam("to") String to, @QueryParam("back") String back) {
        return LanguageSwitch.to(to, back, "/admin");
    }
}

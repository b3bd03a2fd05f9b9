package kr.civilportal.citizen.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import kr.civilportal.web.page.LanguageSwitch;

/** {@code /lang?to=en&back=/my}: the citizen pages' language switch. */
@Path("/lang")
public class LanguageResource {

    @GET
    public Response switchTo(@QueryParam("to") String to, @QueryParam("back") String back) {
        return LanguageSwitch.to(to, back, "/");
    }
}

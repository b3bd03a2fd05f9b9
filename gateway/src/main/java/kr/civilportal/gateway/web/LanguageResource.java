package kr.civilportal.gateway.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switch (한국어 / English): a plain link, no script; remembered in a cookie for a year. */
@Path("/lang")
public class LanguageResource {

    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    @GET
    public Response switchTo(@QueryParam("to") String to, @QueryParam("back") String back) {
        String language = to != null && Messages.LANGUAGES.contains(to) ? to : "ko";
        NewCookie cookie = new NewCookie.Builder(PageContext.LANGUAGE_COOKIE).value(language).path("/")
                .maxAge(ONE_YEAR_SECONDS).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    /** Only a path on this site: never an open redirect. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }
}

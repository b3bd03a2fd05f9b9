package kr.civilportal.web.page;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The language switch (한국어 / English) both web apps offer: a plain link, no script; the choice is remembered in
 * the {@code lang} cookie for a year, on the whole site (path {@code /}), so the citizen pages and the console
 * speak the same language. Each app exposes it on a path the gateway routes to it.
 */
public final class LanguageSwitch {

    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private LanguageSwitch() {
    }

    /** Sets the language and goes back to {@code back}, a path on this site (anything else goes to {@code home}). */
    public static Response to(String language, String back, String home) {
        String chosen = language != null && PageContext.LANGUAGES.contains(language) ? language : "ko";
        NewCookie cookie = new NewCookie.Builder(PageContext.LANGUAGE_COOKIE).value(chosen).path("/")
                .maxAge(ONE_YEAR_SECONDS).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(localPath(back, home))).cookie(cookie).build();
    }

    /**
     * Only a path on this site: never an open redirect, and never an error for a link someone mangled. Whitespace
     * and control characters are refused, not just left to fail: browsers drop tabs and line breaks from a
     * {@code Location}, so {@code /<TAB>/evil.example} would reach them as {@code //evil.example}, another site.
     */
    public static String localPath(String back, String home) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return home;
        }
        try {
            URI uri = new URI(back);
            return uri.getRawAuthority() == null && uri.getScheme() == null ? back : home;
        } catch (URISyntaxException e) {
            return home;
        }
    }
}

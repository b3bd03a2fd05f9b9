package kr.civilportal.web.page;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every page needs, as {@code inject:ctx} in the templates: the language and its texts, who is logged in
 * (name and roles, for the navigation), and where the language switch should come back to.
 */
@Named("ctx")
@RequestScoped
public class PageContext {

    public static final String LANGUAGE_COOKIE = "lang";
    private static final java.time.ZoneId KOREA = java.time.ZoneId.of("Asia/Seoul");
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    Messages messages;
    @ConfigProperty(name = "portal.web.default-language", defaultValue = "ko")
    String defaultLanguage;
    /** Where this app's language switch and logout are (each web app has its own, on a path the gateway routes to it). */
    @ConfigProperty(name = "portal.web.language-path", defaultValue = "/lang")
    String languagePath;
    @ConfigProperty(name = "quarkus.oidc.logout.path", defaultValue = "/logout")
    String logoutPath;

    private String language;

    public String lang() {
        if (language == null) {
            Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
            String wanted = cookie == null ? defaultLanguage : cookie.getValue();
            language = Messages.LANGUAGES.contains(wanted) ? wanted : defaultLanguage;
        }
        return language;
    }

    public boolean english() {
        return "en".equals(lang());
    }

    public Map<String, String> t() {
        return messages.of(lang());
    }

    public String text(String key) {
        return t().getOrDefault(key, key);
    }

    public String text(String prefix, String key) {
        return text(prefix + key);
    }

    /** A text with its one placeholder, written {m}, filled in. */
    public String format(String key, Object value) {
        return text(key).replace("{m}", String.valueOf(value));
    }

    /** A time stamp from a service (ISO 8601) as people read it, in Korean time: 2026-11-25 09:45. */
    public String time(Object isoTimestamp) {
        if (isoTimestamp == null || String.valueOf(isoTimestamp).isBlank()) {
            return "";
        }
        String text = String.valueOf(isoTimestamp);
        try {
            return java.time.OffsetDateTime.parse(text).atZoneSameInstant(KOREA).format(SHOWN);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.Instant.parse(text).atZone(KOREA).format(SHOWN);
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                return text;
            }
        }
    }

    /** An amount in Korean won, with thousands separators: 52,000원 / KRW 52,000. */
    public String won(Object amount) {
        String number = String.format("%,d", Long.parseLong(String.valueOf(amount)));
        return english() ? "KRW " + number : number + "원";
    }

    public String errorSummaryTitle(int count) {
        return text("error_summary_title").replace("{n}", Integer.toString(count));
    }

    public String languagePath() {
        return languagePath;
    }

    public String logoutPath() {
        return logoutPath;
    }

    public String hereEncoded() {
        return java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The path and query of this page, for the language switch to return to. */
    public String here() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }

    public boolean loggedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String userName() {
        if (!loggedIn()) {
            return "";
        }
        // Korean names are family name first, without a space (김지민), whatever order Keycloak's "name" uses.
        String family = claim("family_name");
        String given = claim("given_name");
        if (!family.isEmpty() && !given.isEmpty()) {
            return english() ? given + " " + family : family + given;
        }
        String name = claim("name");
        return name.isEmpty() ? claim("preferred_username") : name;
    }

    public boolean hasRole(String role) {
        return loggedIn() && identity.hasRole(role);
    }

    public boolean officer() {
        Set<String> roles = loggedIn() ? identity.getRoles() : Set.of();
        return roles.stream().anyMatch(r -> r.endsWith("-officer") || r.equals("dispatcher") || r.equals("admin"));
    }

    public boolean citizen() {
        return hasRole("citizen");
    }

    private String claim(String name) {
        try {
            Object value = idToken == null ? null : idToken.getClaim(name);
            return value == null ? "" : value.toString();
        } catch (RuntimeException e) {
            // Not logged in through the pages (no ID token in this request).
            return "";
        }
    }
}

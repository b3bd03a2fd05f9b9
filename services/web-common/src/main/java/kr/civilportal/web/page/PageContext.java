package kr.civilportal.web.page;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every page needs, as {@code inject:ctx} in the templates: the language (the {@code lang} cookie; the
 * message bundles follow it, see {@link PageLocale}), who is signed in (name and roles), the app's navigation,
 * where the language switch and the forms come back to, and how times and amounts are shown.
 */
@Named("ctx")
@RequestScoped
public class PageContext {

    public static final String LANGUAGE_COOKIE = "lang";
    public static final Set<String> LANGUAGES = Set.of("ko", "en");
    /** A form's page, carried in its action's query: where a form sent after the login ran out comes back. */
    public static final String FROM = "from";
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> OFFICIAL_ROLES = Set.of("residency-officer", "passport-officer", "land-officer",
            "dispatcher", "dispatch-supervisor", "admin", "auditor");

    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    Instance<Navigation> navigation;
    @Inject
    WebPageSettings settings;
    /** Quarkus's own OIDC setting: the link in the page frame must be the path the OIDC extension logs out on. */
    @ConfigProperty(name = "quarkus.oidc.logout.path", defaultValue = "/logout")
    String logoutPath;

    private String language;

    /**
     * The signed-in user's id (the token's subject): what a web app keys its own records of the user by (drafts,
     * filed reports). Only where a user is signed in.
     */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public String lang() {
        if (language == null) {
            Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
            String wanted = cookie == null ? settings.defaultLanguage() : cookie.getValue();
            language = LANGUAGES.contains(wanted) ? wanted : settings.defaultLanguage();
        }
        return language;
    }

    public boolean english() {
        return "en".equals(lang());
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /** A message bundle in the page's language, for texts a page puts together in Java (field errors). */
    public <T> T messages(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(lang()));
    }

    public WebMessages web() {
        return messages(WebMessages.class);
    }

    /** Today in Korea, where the offices are: what deadlines are read against on a page. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(KOREA);
    }

    /** A time stamp from a service as people read it, in Korean time: 2026-11-25 09:45. */
    public String time(Object timestamp) {
        if (timestamp == null) {
            return "";
        }
        if (timestamp instanceof TemporalAccessor t && !(timestamp instanceof java.time.LocalDate)) {
            return t instanceof Instant i ? i.atZone(KOREA).format(SHOWN)
                    : OffsetDateTime.from(t).atZoneSameInstant(KOREA).format(SHOWN);
        }
        String text = String.valueOf(timestamp);
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(KOREA).format(SHOWN);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** An amount in Korean won, with thousands separators: 52,000원 / KRW 52,000. */
    public String won(long amount) {
        String number = String.format("%,d", amount);
        return english() ? "KRW " + number : number + "원";
    }

    public String languagePath() {
        return settings.languagePath();
    }

    public String logoutPath() {
        return logoutPath;
    }

    public String assets() {
        return settings.assetPrefix().orElse("");
    }

    public String hereEncoded() {
        return URLEncoder.encode(here(), StandardCharsets.UTF_8);
    }

    /** The query a form's action carries so that, sent after the login ran out, it comes back to this page. */
    public String fromHere() {
        return "?" + FROM + "=" + hereEncoded();
    }

    /** The path and query of this page, for the language switch and the forms to return to. */
    public String here() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }

    /** A form came back to its page after a login (see {@link FormSentWithoutSession}): the notice is shown. */
    public boolean resend() {
        return "true".equals(request.getParam(FormSentWithoutSession.RESEND));
    }

    public List<NavLink> navigation() {
        if (!navigation.isResolvable()) {
            return List.of();
        }
        String path = request.path();
        return navigation.get().links().stream().map(link -> link.at(path)).toList();
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
        return loggedIn() && identity.getRoles().stream().anyMatch(OFFICIAL_ROLES::contains);
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

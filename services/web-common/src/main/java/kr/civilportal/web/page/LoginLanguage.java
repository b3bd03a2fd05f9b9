package kr.civilportal.web.page;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keycloak's login page in the language the user chose on the portal: each web app's login redirect carries
 * {@code ui_locales} from the language cookie (a static {@code authentication.extra-params} could not follow
 * the user's choice). The realm offers ko and en.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginLanguage implements OidcRedirectFilter {

    private final String defaultLanguage;

    LoginLanguage(WebPageSettings settings) {
        this.defaultLanguage = settings.defaultLanguage();
    }

    @Override
    public void filter(OidcRedirectContext context) {
        Cookie cookie = context.routingContext().request().getCookie(PageContext.LANGUAGE_COOKIE);
        String wanted = cookie == null ? defaultLanguage : cookie.getValue();
        context.additionalQueryParams().set("ui_locales", PageContext.LANGUAGES.contains(wanted) ? wanted : defaultLanguage);
    }
}

package kr.civilportal.web.page;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A form sent after the web session ran out: the login sends the browser through Keycloak and back to the form's
 * address, as a GET without the form. Every form's action carries its page ({@code ?from=}, see
 * {@link PageContext#fromHere()}), and only a form's action does (a GET form's query is replaced by its fields), so
 * a GET that carries {@code from} is such a return: it is redirected to that page with {@code resend=true}, where
 * the layout says nothing was done and form-keep.js puts back what was typed. Before, only an address that
 * answers no GET (405) was redirected, and a form posted to its own page (the certificate and move-in forms) came
 * back empty without the notice. One place for every form of both apps.
 */
@ApplicationScoped
public class FormSentWithoutSession {

    public static final String RESEND = "resend";
    private static final int OK = 200;
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int SEE_OTHER = 303;

    void mount(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String from = ctx.request().method() == HttpMethod.GET ? ctx.request().getParam(PageContext.FROM) : null;
            // No loop: each way back is the from inside this address, so a form shown at its own action's address
            // (after a refused send: /choices?from=/my/passport) comes back in as many steps as it is nested.
            if (from != null && isLocal(from)) {
                // Decided on the answer, not before: the login's own steps (its callback, its redirects) pass as
                // they are; only a page (200) or an address without a GET (405) becomes the way back.
                ctx.addHeadersEndHandler(done -> {
                    int status = ctx.response().getStatusCode();
                    if (status == OK || status == METHOD_NOT_ALLOWED) {
                        ctx.response().setStatusCode(SEE_OTHER).putHeader("Location", withResend(from));
                    }
                });
            }
            ctx.next();
        });
    }

    /** The page's address with {@code resend=true}, the fragment kept last. */
    static String withResend(String page) {
        int hash = page.indexOf('#');
        String fragment = hash < 0 ? "" : page.substring(hash);
        String path = hash < 0 ? page : page.substring(0, hash);
        return path + (path.contains("?") ? "&" : "?") + RESEND + "=true" + fragment;
    }

    /** Only a path of this site: never an open redirect. */
    static boolean isLocal(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }
}

package kr.civilportal.web.page;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A form sent after the web session ran out: the login sends the browser through Keycloak and back to the form's
 * address, as a GET without the form, which that address does not answer (405). Every form's action carries its
 * page ({@code ?from=}, see {@link PageContext#fromHere()}), so such a 405 becomes a redirect back there with
 * {@code resend=true}: the layout says nothing was done and asks to send it again (form-keep.js puts back what
 * was typed where the form allows). One place for every form of both apps. It works on the answer's status line
 * (just before it is written), since Quarkus REST answers a method an address lacks without an exception mapper.
 */
@ApplicationScoped
public class FormSentWithoutSession {

    public static final String RESEND = "resend";
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int SEE_OTHER = 303;

    void mount(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String from = ctx.request().method() == HttpMethod.GET ? ctx.request().getParam(PageContext.FROM) : null;
            if (from != null && isLocal(from)) {
                ctx.addHeadersEndHandler(done -> {
                    if (ctx.response().getStatusCode() == METHOD_NOT_ALLOWED) {
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

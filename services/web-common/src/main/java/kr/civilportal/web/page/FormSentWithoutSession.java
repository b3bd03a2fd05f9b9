package kr.civilportal.web.page;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.vertx.core.http.HttpServerRequest;

/**
 * A form sent after the web session ran out: the login sends the browser through Keycloak and back to the form's
 * address, as a GET without the form, which that address does not answer (405). Every form's action carries its
 * page ({@code ?from=}, see {@link PageContext#fromHere()}), so the browser goes back there with
 * {@code resend=true}: the layout says nothing was done and asks to send it again (form-keep.js puts back what
 * was typed where the form allows). One place for every form of both apps.
 */
@jakarta.inject.Singleton
public class FormSentWithoutSession {

    public static final String RESEND = "resend";

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, HttpServerRequest request) {
        String from = request.getParam(PageContext.FROM);
        if (!"GET".equals(request.method().name()) || from == null || !isLocal(from)) {
            return e.getResponse();
        }
        return Response.seeOther(URI.create(withResend(from))).build();
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

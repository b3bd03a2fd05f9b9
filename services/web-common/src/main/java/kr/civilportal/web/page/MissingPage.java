package kr.civilportal.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An address no page answers (a mistyped link, an id that is none) is a page in the portal's look with the way
 * home, not the API's problem+json (portal-common's mappers, priority 1, are for APIs).
 */
@jakarta.inject.Singleton
public class MissingPage {

    @CheckedTemplate(basePath = "web", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance notFound(String home);
    }

    @Inject
    WebPageSettings settings;

    @ServerExceptionMapper(priority = 0)
    public Response notFound(NotFoundException e) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            // A file that is not there (answered on the I/O thread, where the page frame cannot ask who is signed
            // in without blocking): a bare 404, as for any missing asset.
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound(settings.homePath())).build();
    }
}

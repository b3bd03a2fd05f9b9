package kr.civilportal.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The pages' role checks are {@code @RolesAllowed} on the resources; a person signed in without the role gets
 * this page (403) in the portal's look, naming the roles that open it, instead of the API's problem+json. The
 * services check the roles again on every call.
 */
@jakarta.inject.Singleton
public class MissingRole {

    @CheckedTemplate(basePath = "web", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance forbidden(List<PortalRole> roles, String home);
    }

    @Inject
    WebPageSettings settings;

    /** Before portal-common's problem+json mapper for the API (priority 1): these are pages, for people. */
    @ServerExceptionMapper(priority = 0)
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.forbidden(rolesOf(resource), settings.homePath())).build();
    }

    /** The roles that open the resource's page: its method's {@code @RolesAllowed}, else its class's. */
    static List<PortalRole> rolesOf(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return List.of();
        }
        RolesAllowed allowed = Optional.ofNullable(resource.getResourceMethod().getAnnotation(RolesAllowed.class))
                .orElse(resource.getResourceClass().getAnnotation(RolesAllowed.class));
        return allowed == null ? List.of()
                : Arrays.stream(allowed.value()).map(PortalRole::of).flatMap(Optional::stream).toList();
    }
}

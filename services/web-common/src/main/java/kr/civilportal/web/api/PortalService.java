package kr.civilportal.web.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The portal's services as the pages name them: each is a route of the gateway ({@code route}, as in its
 * {@code portal.gateway.routes}) under its own API prefix. A page says which one it called, so a stopped service
 * shows that service's "unavailable" panel and the others keep working.
 */
@io.quarkus.qute.TemplateEnum
public enum PortalService {
    RESIDENCY("residency", "/api/residency/"),
    PASSPORT("passport", "/api/passport/"),
    LAND_REGISTRY("land-registry", "/api/land/"),
    EMERGENCY_REPORT("emergency-report", "/api/emergency/"),
    /** The citizens' notifications about their petitions (알림함, 알림 설정). */
    NOTIFICATION("notification", "/api/notification/");

    private final String route;
    private final String apiPrefix;

    PortalService(String route, String apiPrefix) {
        this.route = route;
        this.apiPrefix = apiPrefix;
    }

    /** The gateway's name for its route (and the status page's name for the service). */
    public String route() {
        return route;
    }

    /** Where its API starts on the gateway, e.g. {@code /api/passport/}. */
    public String apiPrefix() {
        return apiPrefix;
    }

    public static Optional<PortalService> byRoute(String route) {
        return Arrays.stream(values()).filter(s -> s.route.equals(route)).findFirst();
    }
}

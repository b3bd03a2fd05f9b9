package kr.civilportal.launcher;

import java.util.List;

/**
 * The Quarkus applications the portal is made of, with the ports and databases the contract gives them.
 * Replica {@code r} (0-based) of an app listens on {@code port + 10 * r}: 8082, 8092, 8102, ... for passport
 * (the payment sandbox's 8087 + 10 * r stays clear of the control port 8099 and, with at most {@link #MAX_REPLICAS},
 * below Keycloak's 8180).
 */
public enum PortalApp {
    RESIDENCY("residency", "services/residency", 8081, "residency", "/api/residency"),
    PASSPORT("passport", "services/passport", 8082, "passport", "/api/passport"),
    LAND_REGISTRY("land-registry", "services/land-registry", 8083, "land", "/api/land"),
    EMERGENCY_REPORT("emergency-report", "services/emergency-report", 8084, "emergency", "/api/emergency"),
    /** The citizens' pages; its database holds passport drafts. Reaches the services through the gateway only. */
    CITIZEN_WEB("citizen-web", "services/citizen-web", 8085, "citizenweb", null),
    /** The officials' pages (/admin); no database. Reaches the services through the gateway only. */
    ADMIN_CONSOLE("admin-console", "services/admin-console", 8086, null, null),
    /**
     * The stand-in card payment provider (PG): "the outside world", so not routed by the gateway. Citizens' browsers
     * reach its hosted page directly; passport calls its API and receives its webhooks through the gateway.
     */
    PAYMENT_SANDBOX("payment-sandbox", "services/payment-sandbox", 8087, "paymentsandbox", null),
    /**
     * Notifications to citizens (mail) from the services' events on Kafka; behind the gateway at /api/notification.
     * Runs only with {@link PortalOptions#notifications()} (with Kafka and the mail catcher); not among
     * {@link #services()}, which every portal runs and the system tests walk through.
     */
    NOTIFICATION("notification", "services/notification", 8088, "notification", "/api/notification"),
    GATEWAY("gateway", "gateway", 8080, "gateway", null);

    /** Replicas above this would run into Keycloak's port (8180) in the port scheme. */
    public static final int MAX_REPLICAS = 9;
    static final int REPLICA_PORT_STEP = 10;

    private final String id;
    private final String module;
    private final int basePort;
    private final String database;
    private final String routePrefix;

    PortalApp(String id, String module, int basePort, String database, String routePrefix) {
        this.id = id;
        this.module = module;
        this.basePort = basePort;
        this.database = database;
        this.routePrefix = routePrefix;
    }

    public String id() {
        return id;
    }

    public String module() {
        return module;
    }

    /**
     * The app's own database (and role of the same name), or null for an app without one; the gateway's holds 119
     * reports it could not deliver.
     */
    public String database() {
        return database;
    }

    /**
     * Whether the app's commits wait for the second site's standby: the 119 reports and the gateway's
     * journal of reports held for them, which no site's loss may take. The others ship a moment later.
     */
    /** Whether the app issues signed documents (certificates, land extracts) with its own key. */
    public boolean signsDocuments() {
        return this == RESIDENCY || this == LAND_REGISTRY;
    }

    public boolean synchronousAtSecondSite() {
        return this == EMERGENCY_REPORT || this == GATEWAY;
    }

    public String routePrefix() {
        return routePrefix;
    }

    public int port(int replica, int portOffset) {
        return basePort + portOffset + REPLICA_PORT_STEP * replica;
    }

    public static List<PortalApp> services() {
        return List.of(RESIDENCY, PASSPORT, LAND_REGISTRY, EMERGENCY_REPORT);
    }

    /** The web apps behind the gateway's page routes: they call the services through the gateway, like any app. */
    public static List<PortalApp> webApps() {
        return List.of(CITIZEN_WEB, ADMIN_CONSOLE);
    }

    /**
     * Third parties the portal talks to, run locally in their place: started with the services (passport needs the
     * payment provider), never behind the gateway.
     */
    public static List<PortalApp> outsideWorld() {
        return List.of(PAYMENT_SANDBOX);
    }

    /** What runs only when the portal runs its notifications (Kafka, the mail catcher): the notification service. */
    public static List<PortalApp> notifications() {
        return List.of(NOTIFICATION);
    }

    /** The services that write domain events to an outbox and relay them to Kafka (docs/events.md). */
    public static List<PortalApp> publishesEvents() {
        return List.of(RESIDENCY, PASSPORT, LAND_REGISTRY);
    }

    public static PortalApp byId(String id) {
        for (PortalApp app : values()) {
            if (app.id.equals(id) || app.name().equalsIgnoreCase(id.replace('-', '_'))) {
                return app;
            }
        }
        throw new IllegalArgumentException("No such service: " + id + " (one of residency, passport, land-registry, emergency-report, citizen-web, admin-console, payment-sandbox, notification, gateway)");
    }
}

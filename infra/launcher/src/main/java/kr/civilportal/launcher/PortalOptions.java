package kr.civilportal.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the portal. {@link #defaults} gives the contract's ports (gateway 8080, services 8081-8084,
 * Keycloak 8180) with data kept between runs; {@link #isolated} shifts every port by an offset and keeps
 * data in a throw-away folder, so system tests can run beside a portal a developer has up.
 */
public record PortalOptions(
        PortalHome home,
        int portOffset,
        int postgresPort,
        int keycloakPort,
        int controlPort,
        Path postgresData,
        boolean cleanData,
        Path logDir,
        Path runDir,
        Map<PortalApp, Integer> replicas,
        List<String> jvmOptions,
        Map<PortalApp, Map<String, String>> appConfig,
        boolean secondSite,
        KeycloakServer sharedKeycloak,
        boolean notifications) {

    public static final int POSTGRES_PORT = 15432;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int CONTROL_PORT = 8099;
    /*
     * Kafka, the mail catcher and the text-message sink: 8191-8196, above the signing authority's 8190 and clear of
     * every replica port (apps' ports + 10 r end at 8168) and of Keycloak's 8180.
     */
    public static final int KAFKA_PORT = 8191;
    public static final int KAFKA_CONTROLLER_PORT = 8192;
    public static final int SMTP_PORT = 8193;
    public static final int IMAP_PORT = 8194;
    public static final int MAIL_API_PORT = 8195;
    public static final int TEXT_SINK_PORT = 8196;
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    public static PortalOptions defaults(PortalHome home) {
        return new PortalOptions(home, 0, POSTGRES_PORT, KEYCLOAK_PORT, CONTROL_PORT, home.postgresData(), false,
                home.logs(), home.run(), oneReplicaEach(), DEFAULT_JVM_OPTIONS, Map.of(), false, null, true);
    }

    /**
     * System property adding the same shift to every isolated portal's offset, so that two checkouts on one
     * machine can run their system tests at the same time (e.g. {@code -Dportal.port-shift=300}; keep it under
     * 350: tests' offsets are multiples of 500 and one portal's ports other than PostgreSQL's span 8080-8210).
     */
    public static final String PORT_SHIFT_PROPERTY = "portal.port-shift";

    private static final String SECOND_SITE_OWNS_KEYCLOAK = "A second site keeps Keycloak's store in its PostgreSQL: "
            + "it cannot share a Keycloak started elsewhere";

    /**
     * The highest port an isolated portal may listen on; its highest is the second site's PostgreSQL (15433 +
     * offset). Above it: test-support's {@code FreePort} hands out 31000-32700, and from 32768 the kernel's
     * ephemeral range begins, from which every outgoing connection takes its local port, so a server's port there
     * can be taken by a connection before the server binds it.
     */
    public static final int HIGHEST_ISOLATED_PORT = 30_999;

    /**
     * Ports shifted by {@code portOffset} (plus {@link #PORT_SHIFT_PROPERTY}), fresh data in {@code workDir}, logs
     * in {@code workDir/logs}. An offset that would put a port above {@link #HIGHEST_ISOLATED_PORT} is refused.
     */
    public static PortalOptions isolated(PortalHome home, int offset, Path workDir) {
        int portOffset = offset + Integer.getInteger(PORT_SHIFT_PROPERTY, 0);
        int highest = POSTGRES_PORT + portOffset + 1;
        if (highest > HIGHEST_ISOLATED_PORT) {
            throw new IllegalArgumentException("Port offset " + portOffset + " puts PostgreSQL's standby on " + highest
                    + ", above " + HIGHEST_ISOLATED_PORT + " (where test ports and the kernel's ephemeral range are); "
                    + "use an offset of at most " + (HIGHEST_ISOLATED_PORT - POSTGRES_PORT - 1) + ", shift included");
        }
        return new PortalOptions(home, portOffset, POSTGRES_PORT + portOffset, KEYCLOAK_PORT + portOffset,
                CONTROL_PORT + portOffset, workDir.resolve("postgres"), true, workDir.resolve("logs"),
                workDir.resolve("run"), oneReplicaEach(), DEFAULT_JVM_OPTIONS, Map.of(), false, null, false);
    }

    public PortalOptions withReplicas(PortalApp app, int count) {
        if (count < 1 || count > PortalApp.MAX_REPLICAS) {
            throw new IllegalArgumentException("Replicas of " + app.id() + " must be 1 to " + PortalApp.MAX_REPLICAS);
        }
        Map<PortalApp, Integer> copy = new EnumMap<>(replicas);
        copy.put(app, count);
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, copy, jvmOptions, appConfig, secondSite, sharedKeycloak, notifications);
    }

    /**
     * The portal without its web apps (citizen-web, admin-console): for tests of the API alone, which then start
     * two JVMs fewer. The gateway still routes the page paths to where they would listen, so pages get its
     * fallback.
     */
    public PortalOptions withoutWebApps() {
        Map<PortalApp, Integer> copy = new EnumMap<>(replicas);
        PortalApp.webApps().forEach(app -> copy.put(app, 0));
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, copy, jvmOptions, appConfig, secondSite, sharedKeycloak, notifications);
    }

    /**
     * The portal without the payment provider's sandbox: for tests that pay no fee online, which then start one JVM
     * fewer. Passport still starts and takes applications paid at the counter; an online payment would get its 503
     * payment-provider-unavailable.
     */
    public PortalOptions withoutPaymentProvider() {
        Map<PortalApp, Integer> copy = new EnumMap<>(replicas);
        PortalApp.outsideWorld().forEach(app -> copy.put(app, 0));
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, copy, jvmOptions, appConfig, secondSite, sharedKeycloak, notifications);
    }

    /** An extra configuration property for every replica of one app, e.g. a large demo seed for a benchmark. */
    public PortalOptions withAppConfig(PortalApp app, String key, String value) {
        Map<PortalApp, Map<String, String>> copy = new EnumMap<>(PortalApp.class);
        copy.putAll(appConfig);
        Map<String, String> forApp = new java.util.LinkedHashMap<>(appConfig.getOrDefault(app, Map.of()));
        forApp.put(key, value);
        copy.put(app, Map.copyOf(forApp));
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, replicas, jvmOptions, copy, secondSite, sharedKeycloak, notifications);
    }

    /**
     * With a second site's PostgreSQL: a standby streaming from this one, on {@link #standbyPort()}, which
     * the 119 and gateway databases commit to synchronously ({@link PortalApp#synchronousAtSecondSite()}).
     */
    public PortalOptions withSecondSite() {
        if (sharedKeycloak != null) {
            throw new IllegalStateException(SECOND_SITE_OWNS_KEYCLOAK);
        }
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, replicas, jvmOptions, appConfig, true, null, notifications);
    }

    /**
     * With a Keycloak started elsewhere (and left running when this portal stops) instead of one of its own: for
     * system tests, which start a portal per class, and whose classes that neither stop Keycloak nor change its
     * realm then pay for its start once rather than each time (it is the slowest process to start). Such a
     * portal cannot stop or restart Keycloak ({@link Portal#stopKeycloak()}).
     */
    public PortalOptions withSharedKeycloak(KeycloakServer keycloak) {
        if (secondSite) {
            throw new IllegalStateException(SECOND_SITE_OWNS_KEYCLOAK);
        }
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, replicas, jvmOptions, appConfig, false, keycloak, notifications);
    }

    /**
     * With notifications: the Kafka broker, the mail catcher, the text-message sink and the notification service (and
     * the services with an outbox publishing their events to Kafka). On by default for {@link #defaults} ({@code infra/portal up}); off for {@link #isolated}
     * portals, so system tests that do not need them start three JVMs fewer: such a test opts in with this.
     */
    public PortalOptions withNotifications() {
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, replicas, jvmOptions, appConfig, secondSite, sharedKeycloak, true);
    }

    /**
     * Without Kafka, the mail catcher, the text-message sink and the notification service. The services with an outbox
     * then get no {@code kafka.bootstrap.servers}: their outbox rows wait until a portal with notifications runs on the same data.
     */
    public PortalOptions withoutNotifications() {
        return new PortalOptions(home, portOffset, postgresPort, keycloakPort, controlPort, postgresData, cleanData,
                logDir, runDir, replicas, jvmOptions, appConfig, secondSite, sharedKeycloak, false);
    }

    /** The Kafka broker's client listener (8191 + offset); {@link #kafkaControllerPort()} is the next port. */
    public int kafkaPort() {
        return KAFKA_PORT + portOffset;
    }

    /** The KRaft controller's listener of the one combined broker and controller. */
    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + portOffset;
    }

    /** The mail catcher's SMTP port, where the notification service sends its mail. */
    public int smtpPort() {
        return SMTP_PORT + portOffset;
    }

    /** The mail catcher's IMAP port: any mail client reads a recipient's mail there (any password). */
    public int imapPort() {
        return IMAP_PORT + portOffset;
    }

    /** The mail catcher's REST API ({@code /api/user/<recipient>/messages/}, OpenAPI page at {@code /}). */
    public int mailApiPort() {
        return MAIL_API_PORT + portOffset;
    }

    /** The text-message sink (docs/text-messages.md): where the notification service sends SMS and 알림톡. */
    public int textSinkPort() {
        return TEXT_SINK_PORT + portOffset;
    }

    /** Kafka's log directories, beside the PostgreSQL data and kept like it (wiped with it by a clean start). */
    public Path kafkaData() {
        return postgresData.resolveSibling("kafka");
    }

    /** The second site's PostgreSQL: the next port after the first site's. */
    public int standbyPort() {
        return postgresPort + 1;
    }

    /** Beside the first site's data; made afresh from it on every start. */
    public Path standbyData() {
        return postgresData.resolveSibling(postgresData.getFileName() + "-second-site");
    }

    /** The development signing authority (CA, time stamps): next to Keycloak, shifted with every port. */
    public int signingAuthorityPort() {
        return kr.civilportal.launcher.signing.DevSigningAuthority.DEFAULT_PORT + portOffset;
    }

    /** Its keys and certificates, beside the PostgreSQL data and kept like it (a reset of the data keeps them). */
    public Path signingAuthorityData() {
        return postgresData.resolveSibling("pki");
    }

    public int replicasOf(PortalApp app) {
        if (!notifications && PortalApp.notifications().contains(app)) {
            return 0;
        }
        return replicas.getOrDefault(app, 1);
    }

    public int port(PortalApp app, int replica) {
        return app.port(replica, portOffset);
    }

    /**
     * Where every app keeps the realm's signing keys while Keycloak answers, and reads them when it starts while
     * Keycloak does not: one file for the whole portal, as one ConfigMap in Kubernetes.
     */
    public Path realmKeysFile() {
        return runDir.resolve("realm-keys.json");
    }

    public String gatewayUrl() {
        return gatewayUrl(0);
    }

    /** One gateway replica's address, for tests that choose which gateway a request goes through. */
    public String gatewayUrl(int replica) {
        return "http://localhost:" + port(PortalApp.GATEWAY, replica);
    }

    public String serviceUrl(PortalApp app) {
        return "http://localhost:" + port(app, 0);
    }

    private static Map<PortalApp, Integer> oneReplicaEach() {
        Map<PortalApp, Integer> map = new EnumMap<>(PortalApp.class);
        for (PortalApp app : PortalApp.values()) {
            map.put(app, 1);
        }
        return map;
    }
}

package kr.civilportal.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;

/**
 * The whole portal on one machine: PostgreSQL, Keycloak, every replica of the four services, the web apps, the
 * payment sandbox (a stand-in for the card payment provider) and the gateway, each a separate process. The CLI
 * ({@link Main}) and the system tests both drive it through this class.
 */
public final class Portal implements AutoCloseable {

    static final Duration APP_READY_TIMEOUT = Duration.ofMinutes(3);
    static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofMinutes(4);
    /** The second site's base backup, start and first streaming (seconds with the demo data). */
    static final Duration STANDBY_READY_TIMEOUT = Duration.ofMinutes(3);
    /** Keycloak's own database in the two-site portal (with one site its store is in memory). */
    static final String KEYCLOAK_DATABASE = "keycloak";
    static final Duration KAFKA_READY_TIMEOUT = Duration.ofMinutes(2);
    static final Duration MAIL_READY_TIMEOUT = Duration.ofMinutes(1);
    /** The sender of the portal's mail (the notification service's quarkus.mailer.from). */
    public static final String MAIL_FROM = NotificationWiring.MAIL_FROM;

    private final PortalOptions options;
    private final Consumer<String> progress;
    private final DatabaseServer database;
    /** The second site's PostgreSQL, or null with one site. */
    private final DatabaseStandby standby;
    /** Whether the apps and Keycloak now run on the second site's (promoted) PostgreSQL. */
    private volatile boolean onSecondSite;
    private volatile KeycloakServer keycloak;
    /** Certificates, document-signing keys and time stamps for the services that issue documents. */
    private final DevSigningAuthority signing;
    /**
     * The Kafka broker, the mail catcher and the text-message sink, or null without notifications
     * (PortalOptions.withoutNotifications).
     */
    private volatile KafkaServer kafka;
    private final MailCatcher mail;
    private final TextMessageSink textSink;
    private final Map<PortalApp, List<AppReplica>> replicas = new EnumMap<>(PortalApp.class);
    /**
     * The payment sandbox's API key and webhook secret, made afresh for every portal (never a value anyone else
     * knows): given to the sandbox and to passport, its one client, in {@link #configFor}; the same through
     * restarts of either.
     */
    private final PaymentSandboxWiring payments = PaymentSandboxWiring.random();

    private Portal(PortalOptions options, Consumer<String> progress, DatabaseServer database, DatabaseStandby standby,
                   KeycloakServer keycloak, DevSigningAuthority signing, KafkaServer kafka, MailCatcher mail,
                   TextMessageSink textSink) {
        this.signing = signing;
        this.kafka = kafka;
        this.mail = mail;
        this.textSink = textSink;
        this.standby = standby;
        this.options = options;
        this.progress = progress;
        this.database = database;
        this.keycloak = keycloak;
    }

    /** Starts everything and returns when every process is ready; on failure stops what it had started. */
    public static Portal start(PortalOptions options, Consumer<String> progress) {
        Portal portal = startInfrastructure(options, progress);
        try {
            List<CompletableFuture<Void>> services = new ArrayList<>();
            List<PortalApp> apps = new ArrayList<>(PortalApp.services());
            apps.addAll(PortalApp.webApps());
            apps.addAll(PortalApp.outsideWorld());
            for (PortalApp app : PortalApp.notifications()) {
                if (options.replicasOf(app) > 0 && !AppReplica.isBuilt(options, app)) {
                    // Its module is written on another branch: until the branches meet there is nothing to run.
                    progress.accept("Not starting " + app.id() + ": " + app.module() + " is not built");
                } else {
                    apps.add(app);
                }
            }
            for (PortalApp app : apps) {
                for (int r = 0; r < options.replicasOf(app); r++) {
                    services.add(portal.startReplicaAsync(app, r));
                }
            }
            join(services);
            List<CompletableFuture<Void>> gateways = new ArrayList<>();
            for (int r = 0; r < options.replicasOf(PortalApp.GATEWAY); r++) {
                gateways.add(portal.startReplicaAsync(PortalApp.GATEWAY, r));
            }
            join(gateways);
            portal.keycloak.awaitReady(KEYCLOAK_READY_TIMEOUT);
            progress.accept("Keycloak ready at " + portal.keycloak.url());
            return portal;
        } catch (RuntimeException e) {
            portal.close();
            throw e;
        }
    }

    /** PostgreSQL (with every service's database and role) and Keycloak, for running one service by hand. */
    public static Portal startInfrastructure(PortalOptions options, Consumer<String> progress) {
        int leftovers = ChildProcess.killLeftovers(options.runDir());
        if (leftovers > 0) {
            progress.accept("Ended " + leftovers + " process(es) left over from an earlier run");
        }
        progress.accept("Starting PostgreSQL on port " + options.postgresPort() + " (data in " + options.postgresData() + ")");
        DatabaseServer database = DatabaseServer.start(options.postgresData(), options.postgresPort(), options.cleanData());
        try {
            // Every app's own database: the services', citizen-web's (passport drafts) and the gateway's (the
            // journal of 119 reports held while emergency-report is down).
            for (PortalApp app : PortalApp.values()) {
                if (app.database() != null) {
                    database.ensureDatabase(app.database(), devPassword(app));
                }
            }
            DatabaseStandby standby = null;
            KeycloakServer.Store keycloakStore = null;
            if (options.secondSite()) {
                // Keycloak's realm, keys and sessions replicate with the rest, so the second site's Keycloak has them.
                database.ensureDatabase(KEYCLOAK_DATABASE, KEYCLOAK_DATABASE + "-dev");
                keycloakStore = new KeycloakServer.Store(database.jdbcUrl(KEYCLOAK_DATABASE), KEYCLOAK_DATABASE,
                        KEYCLOAK_DATABASE + "-dev");
                Set<String> synchronous = new TreeSet<>();
                for (PortalApp app : PortalApp.values()) {
                    if (app.database() != null && app.synchronousAtSecondSite()) {
                        synchronous.add(app.database());
                    }
                }
                standby = DatabaseStandby.start(database, options.standbyData(), options.standbyPort(), synchronous,
                        STANDBY_READY_TIMEOUT);
                progress.accept("Second site's PostgreSQL streaming on port " + standby.port() + " (synchronous for "
                        + String.join(", ", synchronous) + ")");
            }
            DevSigningAuthority signing = DevSigningAuthority.start(options.signingAuthorityData(),
                    options.signingAuthorityPort());
            progress.accept("Signing authority (development CA and time stamps) on port " + signing.port()
                    + " (root: " + signing.certificateAuthority().rootPem() + ")");
            KeycloakServer keycloak = options.sharedKeycloak();
            try {
                if (keycloak == null) {
                    progress.accept("Starting Keycloak on port " + options.keycloakPort() + " (realm "
                            + KeycloakServer.REALM + ")");
                    keycloak = KeycloakServer.start(options.home(), options.keycloakPort(), options.logDir(),
                            options.runDir(), keycloakStore);
                } else {
                    progress.accept("Using the shared Keycloak at " + keycloak.url() + " (realm " + KeycloakServer.REALM
                            + ")");
                }
            } catch (RuntimeException e) {
                signing.close();
                throw e;
            }
            KafkaServer kafka = null;
            MailCatcher mail = null;
            TextMessageSink textSink = null;
            if (options.notifications()) {
                try {
                    progress.accept("Starting Kafka on port " + options.kafkaPort() + " (controller "
                            + options.kafkaControllerPort() + ", data in " + options.kafkaData() + ")");
                    kafka = KafkaServer.start(options.kafkaData(), options.kafkaPort(), options.kafkaControllerPort(),
                            options.cleanData(), options.logDir(), options.runDir());
                    progress.accept("Starting the mail catcher: SMTP " + options.smtpPort() + ", IMAP "
                            + options.imapPort() + ", API http://localhost:" + options.mailApiPort());
                    mail = MailCatcher.start(options.home(), options.smtpPort(), options.imapPort(),
                            options.mailApiPort(), options.logDir(), options.runDir());
                    textSink = TextMessageSink.start(options.textSinkPort());
                    progress.accept("Text-message sink ready: read sent SMS and 알림톡 at " + textSink.url()
                            + "/v1/messages?to=<number>");
                    kafka.awaitReady(KAFKA_READY_TIMEOUT);
                    kafka.createTopics(KafkaServer.PORTAL_TOPICS);
                    progress.accept("Kafka ready at " + kafka.bootstrapServers() + " (topics "
                            + String.join(", ", KafkaServer.PORTAL_TOPICS) + ")");
                    mail.awaitReady(MAIL_READY_TIMEOUT);
                    progress.accept("Mail catcher ready: read sent mail at " + mail.apiUrl()
                            + "/api/user/<recipient>/messages/ or IMAP localhost:" + mail.imapPort());
                } catch (RuntimeException e) {
                    if (textSink != null) {
                        textSink.close();
                    }
                    if (mail != null) {
                        mail.close();
                    }
                    if (kafka != null) {
                        kafka.close();
                    }
                    if (options.sharedKeycloak() == null) {
                        keycloak.close();
                    }
                    signing.close();
                    throw e;
                }
            }
            return new Portal(options, progress, database, standby, keycloak, signing, kafka, mail, textSink);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public void awaitKeycloak() {
        keycloak.awaitReady(KEYCLOAK_READY_TIMEOUT);
    }

    /** Stops Keycloak alone (an identity-provider outage); the apps keep running. */
    public void stopKeycloak() {
        mustOwnKeycloak();
        keycloak.close();
        progress.accept("Stopped Keycloak");
    }

    /**
     * Starts Keycloak again. With one site its store is in memory: the realm is imported afresh, with new signing
     * keys, so earlier tokens are void. With two, its store is in PostgreSQL: the same keys and sessions.
     */
    public void startKeycloak() {
        mustOwnKeycloak();
        keycloak = KeycloakServer.start(options.home(), options.keycloakPort(), options.logDir(), options.runDir(),
                keycloakStore());
        keycloak.awaitReady(KEYCLOAK_READY_TIMEOUT);
        progress.accept("Keycloak ready at " + keycloak.url());
    }

    /** The Kafka broker (with {@link PortalOptions#notifications()}). */
    public KafkaServer kafka() {
        mustHaveNotifications();
        return kafka;
    }

    /** The mail catcher: what the portal sent, by recipient (with {@link PortalOptions#notifications()}). */
    public MailCatcher mailCatcher() {
        mustHaveNotifications();
        return mail;
    }

    /** The text-message sink: the SMS and 알림톡 the portal sent, by number (with {@link PortalOptions#notifications()}). */
    public TextMessageSink textSink() {
        mustHaveNotifications();
        return textSink;
    }

    /** Stops the Kafka broker gracefully (SIGTERM, a controlled shutdown); the apps keep running. */
    public void stopKafka() {
        mustHaveNotifications();
        kafka.close();
        progress.accept("Stopped Kafka");
    }

    /** kill -9 of the Kafka broker, as a crash would. */
    public void killKafka() {
        mustHaveNotifications();
        kafka.kill();
        progress.accept("Killed Kafka");
    }

    /** Starts the broker again on the same data and ports (if it is not running) and waits until it answers. */
    public synchronized void startKafka() {
        mustHaveNotifications();
        if (kafka.isAlive()) {
            return;
        }
        kafka.kill(); // forgets the pid file of a process that ended outside the launcher
        kafka = KafkaServer.start(options.kafkaData(), options.kafkaPort(), options.kafkaControllerPort(), false,
                options.logDir(), options.runDir());
        kafka.awaitReady(KAFKA_READY_TIMEOUT);
        kafka.createTopics(KafkaServer.PORTAL_TOPICS);
        progress.accept("Kafka ready at " + kafka.bootstrapServers());
    }

    private void mustHaveNotifications() {
        if (kafka == null) {
            throw new IllegalStateException("This portal runs without notifications (Kafka, mail catcher, text sink): "
                    + "PortalOptions.withNotifications()");
        }
    }

    /**
     * The first site is lost at once (the drill): every app replica, Keycloak and the first site's PostgreSQL
     * are killed with SIGKILL; nothing is flushed or handed over. Only the second site's PostgreSQL is left.
     */
    public void loseFirstSite() {
        if (standby == null) {
            throw new IllegalStateException("The portal has no second site (PortalOptions.withSecondSite)");
        }
        // The database first: from that moment nothing more can be acknowledged on the first site.
        database.killAtOnce();
        for (PortalApp app : PortalApp.values()) {
            for (AppReplica replica : replicas(app)) {
                killReplica(app, replica.replica());
            }
        }
        keycloak.process().kill();
        progress.accept("First site lost: its apps, Keycloak and PostgreSQL killed");
    }

    /**
     * The runbook's failover on this machine: promote the second site's PostgreSQL, then start on it the gateway
     * and emergency-report first (119 before anything else; anonymous reports need no Keycloak), then Keycloak and
     * the other apps, on the same ports (as the public names move to the second site). Returns once everything is
     * ready.
     */
    public void failOverToSecondSite() {
        standby.promote(STANDBY_READY_TIMEOUT);
        onSecondSite = true;
        progress.accept("Second site's PostgreSQL promoted");
        List<CompletableFuture<Void>> first = new ArrayList<>();
        for (PortalApp app : List.of(PortalApp.GATEWAY, PortalApp.EMERGENCY_REPORT)) {
            for (int r = 0; r < options.replicasOf(app); r++) {
                first.add(startReplicaAsync(app, r));
            }
        }
        // Alone first: on a small machine Keycloak's start would slow theirs, and 119 does not need it.
        join(first);
        keycloak = KeycloakServer.start(options.home(), options.keycloakPort(), options.logDir(), options.runDir(),
                keycloakStore());
        List<CompletableFuture<Void>> rest = new ArrayList<>();
        for (PortalApp app : PortalApp.values()) {
            if (app == PortalApp.GATEWAY || app == PortalApp.EMERGENCY_REPORT) {
                continue;
            }
            if (PortalApp.notifications().contains(app) && !AppReplica.isBuilt(options, app)) {
                continue; // not started before the loss either (Portal.start)
            }
            for (int r = 0; r < options.replicasOf(app); r++) {
                rest.add(startReplicaAsync(app, r));
            }
        }
        join(rest);
        keycloak.awaitReady(KEYCLOAK_READY_TIMEOUT);
        progress.accept("Failed over: every app on the second site");
    }

    /** A shared Keycloak serves other portals too: this one may not stop or replace it. */
    private void mustOwnKeycloak() {
        if (options.sharedKeycloak() != null) {
            throw new IllegalStateException("This portal shares a Keycloak it did not start "
                    + "(PortalOptions.withSharedKeycloak): give it its own to stop or restart it");
        }
    }

    private KeycloakServer.Store keycloakStore() {
        if (standby == null) {
            return null;
        }
        return new KeycloakServer.Store(jdbcUrl(KEYCLOAK_DATABASE), KEYCLOAK_DATABASE, KEYCLOAK_DATABASE + "-dev");
    }

    /** An app's database on the site the portal runs on. */
    private String jdbcUrl(String databaseName) {
        return onSecondSite ? standby.jdbcUrl(databaseName) : database.jdbcUrl(databaseName);
    }

    /** The password of a service's database role in the development setup (also in its %dev properties). */
    public static String devPassword(PortalApp app) {
        return app.database() + "-dev";
    }

    public PortalOptions options() {
        return options;
    }

    public DatabaseServer database() {
        return database;
    }

    /** The second site's PostgreSQL (a standby until the failover promotes it). */
    public DatabaseStandby secondSite() {
        if (standby == null) {
            throw new IllegalStateException("The portal has no second site (PortalOptions.withSecondSite)");
        }
        return standby;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public synchronized List<AppReplica> replicas(PortalApp app) {
        return List.copyOf(replicas.getOrDefault(app, List.of()));
    }

    /** Stops every replica of an app gracefully; the rest of the portal keeps running. */
    public void stop(PortalApp app) {
        List<AppReplica> running;
        synchronized (this) {
            running = replicas.getOrDefault(app, List.of());
            replicas.put(app, new ArrayList<>());
        }
        running.forEach(AppReplica::stop);
        progress.accept("Stopped " + app.id());
    }

    /**
     * Starts the replicas of an app that are not running, whether stopped on purpose or ended outside the launcher
     * (a crash, a kill -9 from a shell), and waits until they are ready.
     */
    public void start(PortalApp app) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int r = 0; r < options.replicasOf(app); r++) {
            AppReplica running = replica(app, r);
            if (running != null && !running.isAlive()) {
                // Its process is gone: forget it (and its pid file) so a new one can take its port.
                remove(app, r);
                running.kill();
                running = null;
            }
            if (running == null) {
                starting.add(startReplicaAsync(app, r));
            }
        }
        join(starting);
    }

    /** A rolling restart: one replica at a time, each ready again before the next goes down. */
    public void restart(PortalApp app) {
        for (AppReplica replica : replicas(app)) {
            restartReplica(app, replica.replica());
        }
    }

    public void restartReplica(PortalApp app, int replica) {
        stopReplica(app, replica);
        join(List.of(startReplicaAsync(app, replica)));
    }

    public void stopReplica(PortalApp app, int replica) {
        AppReplica running = remove(app, replica);
        if (running != null) {
            running.stop();
        }
    }

    /** kill -9 of one replica, as a crash would. */
    public void killReplica(PortalApp app, int replica) {
        AppReplica running = remove(app, replica);
        if (running != null) {
            running.kill();
            progress.accept("Killed " + app.id() + "-" + replica);
        }
    }

    /**
     * Freezes one replica with SIGSTOP: it keeps its port, the kernel still accepts connections, nothing
     * answers, as when a service hangs. {@link #resume} (or stopping it) thaws it.
     */
    public void pause(PortalApp app, int replica) {
        AppReplica running = replica(app, replica);
        if (running == null) {
            throw new IllegalArgumentException(app.id() + "-" + replica + " is not running");
        }
        running.pause();
        progress.accept("Paused " + app.id() + "-" + replica + " (SIGSTOP)");
    }

    /** Every replica of an app frozen at once: the whole service hangs. */
    public void pause(PortalApp app) {
        replicas(app).forEach(r -> pause(app, r.replica()));
    }

    public void resume(PortalApp app, int replica) {
        AppReplica running = replica(app, replica);
        if (running != null) {
            running.resume();
            progress.accept("Resumed " + app.id() + "-" + replica + " (SIGCONT)");
        }
    }

    public void resume(PortalApp app) {
        replicas(app).forEach(r -> resume(app, r.replica()));
    }

    /** What is running, for the CLI's status command. */
    public synchronized Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("postgresql", "localhost:" + database.port() + (onSecondSite ? " (first site: lost)" : ""));
        if (standby != null) {
            String state;
            try {
                state = standby.inRecovery() ? "standby" : "promoted";
            } catch (IllegalStateException e) {
                state = "not answering";
            }
            status.put("postgresql-second-site", "localhost:" + standby.port() + " (" + state + ")");
        }
        status.put("keycloak", keycloak.isAlive() ? keycloak.url() : "stopped");
        status.put("signing-authority", "http://localhost:" + signing.port() + " (time stamps at /tsa)");
        if (kafka != null) {
            status.put("kafka", kafka.isAlive() ? kafka.bootstrapServers() + " (data in " + kafka.dataDir() + ")"
                    : "stopped");
            status.put("mail-catcher", mail.isAlive() ? "SMTP localhost:" + mail.smtpPort() + ", read at "
                    + mail.apiUrl() + "/api/user/<recipient>/messages/ or IMAP localhost:" + mail.imapPort() : "stopped");
            status.put("text-sink", "read at " + textSink.url() + "/v1/messages?to=<number>");
        }
        for (PortalApp app : PortalApp.values()) {
            List<AppReplica> list = replicas.getOrDefault(app, List.of());
            status.put(app.id(), list.isEmpty() ? "stopped" : String.join(", ", list.stream()
                    .map(r -> r.url() + (r.isAlive() ? r.isPaused() ? " (paused)" : "" : " (exited)")).toList()));
        }
        return status;
    }

    @Override
    public void close() {
        // The gateway first, so nothing routes to a service that is going away.
        stop(PortalApp.GATEWAY);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        List<PortalApp> apps = new ArrayList<>(PortalApp.services());
        apps.addAll(PortalApp.webApps());
        apps.addAll(PortalApp.outsideWorld());
        apps.addAll(PortalApp.notifications());
        for (PortalApp app : apps) {
            stopping.add(CompletableFuture.runAsync(() -> stop(app)));
        }
        // Keycloak beside them: the apps check tokens with keys they already hold while they drain. A shared one is
        // left to whoever started it.
        if (options.sharedKeycloak() == null) {
            stopping.add(CompletableFuture.runAsync(keycloak::close));
        }
        stopping.forEach(CompletableFuture::join);
        // After the apps: the notification service commits its consumer offsets and residency its outbox on the way out.
        if (textSink != null) {
            textSink.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        signing.close();
        if (standby != null) {
            standby.close();
        }
        database.close();
        progress.accept("Portal stopped");
    }

    private CompletableFuture<Void> startReplicaAsync(PortalApp app, int replica) {
        return CompletableFuture.runAsync(() -> {
            AppReplica started = AppReplica.start(options, app, replica, configFor(app));
            synchronized (this) {
                replicas.computeIfAbsent(app, a -> new ArrayList<>()).add(started);
            }
            started.awaitReady(APP_READY_TIMEOUT);
            progress.accept("Ready: " + app.id() + " replica " + replica + " at " + started.url());
        });
    }

    private Map<String, String> configFor(PortalApp app) {
        Map<String, String> config = new LinkedHashMap<>();
        if (app == PortalApp.PAYMENT_SANDBOX) {
            // The outside world: no portal login, its own secrets; webhooks go through the gateway as a PG's would.
            config.putAll(payments.sandboxConfig(options));
            putDatasource(config, app);
            config.putAll(options.appConfig().getOrDefault(app, Map.of()));
            return config;
        }
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        // Where the published API documents tell apps to sign in: on this machine, the same Keycloak.
        config.put("portal.openapi.auth-server-url", keycloak.issuer());
        config.put("portal.identity.realm-keys.file", options.realmKeysFile().toString());
        putDatasource(config, app);
        if (app == PortalApp.PASSPORT) {
            config.put("quarkus.rest-client.residency.url", options.serviceUrl(PortalApp.RESIDENCY));
            // The fee paid online: the payment sandbox as its provider, with this portal's secrets; the citizen comes
            // back from the provider's page to the citizen pages (through the gateway).
            config.putAll(payments.passportConfig(options));
        }
        if (PortalApp.publishesEvents().contains(app)) {
            // Their outbox relays publish <service>.events there; without notifications their rows wait.
            config.putAll(NotificationWiring.publisherConfig(options));
        }
        if (app == PortalApp.NOTIFICATION) {
            config.putAll(NotificationWiring.notificationConfig(options));
        }
        if (app == PortalApp.EMERGENCY_REPORT) {
            config.putAll(NotificationWiring.emergencyConfig());
        }
        if (app.signsDocuments()) {
            config.put("portal.document-signing.key-store", signing.documentSigningKeystore(app.id()).toString());
            config.put("portal.document-signing.key-store-password", DevCertificateAuthority.PASSWORD);
            config.put("portal.document-signing.time-stamp-authority", signing.timeStampUrl());
            config.put("portal.document-signing.trusted-roots", signing.certificateAuthority().rootPem().toString());
        }
        config.putAll(options.appConfig().getOrDefault(app, Map.of()));
        if (PortalApp.webApps().contains(app)) {
            // The pages reach the services only through the gateway's /api/**, as a mobile app does.
            config.put("portal.gateway-url", options.gatewayUrl());
        }
        if (app == PortalApp.GATEWAY) {
            List<PortalApp> routed = new ArrayList<>(PortalApp.services());
            routed.addAll(PortalApp.webApps());
            if (options.notifications()) {
                // Routed only when it runs: a portal without it has no /api/notification (404), and the gateway's
                // status lists no service that was never meant to be there.
                routed.add(PortalApp.NOTIFICATION);
                config.putAll(NotificationWiring.gatewayRoute(options));
            }
            for (PortalApp service : routed) {
                List<String> addresses = new ArrayList<>();
                // An app left out (withoutWebApps) is still listed where it would listen: nothing answers there.
                for (int r = 0; r < Math.max(1, options.replicasOf(service)); r++) {
                    addresses.add("localhost:" + options.port(service, r));
                }
                config.put("quarkus.stork." + service.id() + ".service-discovery.type", "static");
                config.put("quarkus.stork." + service.id() + ".service-discovery.address-list", String.join(",", addresses));
            }
        }
        return config;
    }

    private void putDatasource(Map<String, String> config, PortalApp app) {
        if (app.database() != null) {
            config.put("quarkus.datasource.jdbc.url", jdbcUrl(app.database()));
            config.put("quarkus.datasource.username", app.database());
            config.put("quarkus.datasource.password", devPassword(app));
            // Every app starts at once on one machine: PostgreSQL may take longer than the pool's 5 s default to hand
            // out the first connection (Flyway at start-up), and an app that gives up then never starts.
            config.put("quarkus.datasource.jdbc.acquisition-timeout", "60s");
        }
    }

    private synchronized AppReplica replica(PortalApp app, int replica) {
        return replicas.getOrDefault(app, List.of()).stream().filter(r -> r.replica() == replica).findFirst().orElse(null);
    }

    private synchronized AppReplica remove(PortalApp app, int replica) {
        AppReplica found = replica(app, replica);
        if (found != null) {
            replicas.get(app).remove(found);
        }
        return found;
    }

    private static void join(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}

package kr.civilportal.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kr.civilportal.launcher.drill.RecoveryObjectives;
import kr.civilportal.launcher.drill.SiteLossDrill;
import kr.civilportal.launcher.drill.SiteLossReport;

/**
 * {@code infra/portal} — the one command that runs the portal on this machine.
 *
 * <pre>
 * infra/portal up [--replicas passport=2,residency=2]   start everything, print URLs, Ctrl-C stops it all
 *                 [--sites 2]                           with the second site's PostgreSQL (a streaming standby)
 * infra/portal infra                                  only PostgreSQL and Keycloak (run a service with quarkus:dev)
 * infra/portal down                                   stop a running portal from another terminal
 * infra/portal status
 * infra/portal stop|start|restart|kill SERVICE        one service alone (restart is rolling over its replicas)
 * infra/portal pause|resume SERVICE                  freeze/thaw every replica (SIGSTOP/SIGCONT): a hung service
 * infra/portal stop|start keycloak                    an identity-provider outage by hand
 * infra/portal lose-first-site                         with --sites 2: SIGKILL the first site's PostgreSQL, apps, Keycloak
 * infra/portal fail-over                               then: promote the second site's PostgreSQL, start everything on it
 * infra/portal drill site-loss                         both, measured: a two-site portal of its own under citizens' load,
 *                                                      the first site killed, failover, RTO and RPO per service
 * infra/portal reset                                  wipe the PostgreSQL data (portal must be down)
 * infra/portal keycloak --port N                      Keycloak alone with the dev realm until stopped (infra/portal
 *                                                      test runs one for every module's tests)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PortalHome home = PortalHome.locate();
        PortalOptions options = PortalOptions.defaults(home);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(parseReplicas(options, args), false);
            case "infra" -> up(options, true);
            case "down" -> down(options);
            case "status" -> System.out.print(control(options, "GET", "/status"));
            case "stop", "start", "restart", "kill", "pause", "resume" -> {
                if (args.length < 2) {
                    usage();
                    System.exit(2);
                }
                if (args[1].equals("keycloak") && (command.equals("stop") || command.equals("start"))) {
                    System.out.print(control(options, "POST", "/keycloak/" + command));
                } else if (args[1].equals("kafka") && List.of("stop", "start", "kill").contains(command)) {
                    System.out.print(control(options, "POST", "/kafka/" + command));
                } else {
                    System.out.print(control(options, "POST", "/apps/" + PortalApp.byId(args[1]).id() + "/" + command));
                }
            }
            case "lose-first-site" -> System.out.print(control(options, "POST", "/sites/lose-first"));
            case "fail-over" -> System.out.print(control(options, "POST", "/sites/fail-over"));
            case "drill" -> {
                if (args.length != 2 || !args[1].equals("site-loss")) {
                    usage();
                    System.exit(2);
                }
                System.exit(siteLossDrill(home) ? 0 : 1);
            }
            case "reset" -> reset(options);
            case "keycloak" -> keycloakAlone(home, args);
            default -> {
                usage();
                System.exit("help".equals(command) ? 0 : 2);
            }
        }
    }

    private static void up(PortalOptions options, boolean infraOnly) throws Exception {
        if (Http.status("http://localhost:" + options.controlPort() + "/status") == 200) {
            System.err.println("The portal is already running (infra/portal status, infra/portal down).");
            System.exit(1);
        }
        long started = System.nanoTime();
        Portal portal = infraOnly ? Portal.startInfrastructure(options, Main::say) : Portal.start(options, Main::say);
        if (infraOnly) {
            portal.awaitKeycloak();
        }
        Thread shutdown = new Thread(() -> {
            say("Stopping...");
            portal.close();
        }, "portal-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try (ControlServer control = new ControlServer(portal, options.controlPort())) {
            printBanner(portal, infraOnly, (System.nanoTime() - started) / 1_000_000_000);
            control.awaitDownRequest();
            // A down request: stop everything while the control port stays open, so 'down' returns only
            // once nothing is left; and don't run the hook a second time.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            portal.close();
        }
    }

    /**
     * Keycloak alone with the development realm on {@code --port}, until this process is stopped (SIGTERM or
     * Ctrl-C). {@code infra/portal test} runs one for the whole build, so that the modules' tests use it rather than
     * each starting their own ({@code -Dportal.test.keycloak-port}). Its logs and process file are in
     * {@code .portal/logs} and {@code .portal/run/keycloak-PORT}; one left over there from a killed run is ended first.
     */
    private static void keycloakAlone(PortalHome home, String[] args) throws InterruptedException {
        if (args.length != 3 || !args[1].equals("--port")) {
            usage();
            System.exit(2);
        }
        int port = Integer.parseInt(args[2]);
        Path runDir = home.run().resolve("keycloak-" + port);
        ChildProcess.killLeftovers(runDir);
        if (listening(port)) {
            // Not ours (ours would have been ended above): tests would quietly use it, whatever realm it has.
            System.err.println("Port " + port + " is in use by another process: choose another port for Keycloak");
            System.exit(1);
        }
        KeycloakServer keycloak = KeycloakServer.start(home, port, home.logs(), runDir);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            keycloak.close();
        }, "keycloak-shutdown"));
        keycloak.awaitReady(Portal.KEYCLOAK_READY_TIMEOUT);
        say("Keycloak ready at " + keycloak.url() + " (realm " + KeycloakServer.REALM + ")");
        keycloak.process().awaitExit();
        if (!stopping.get()) {
            // Ended on its own: whoever relies on it must hear of it (its log says why).
            say("Keycloak exited by itself: " + keycloak.process().log());
            System.exit(1);
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A two-site portal of its own (fresh data in {@code .portal/drill/site-loss}, the contract's ports), the drill,
     * its table; true when every objective was met.
     */
    private static boolean siteLossDrill(PortalHome home) throws Exception {
        PortalOptions options = PortalOptions.isolated(home, 0, home.state().resolve("drill/site-loss"))
                .withSecondSite();
        if (Http.status("http://localhost:" + options.controlPort() + "/status") == 200) {
            System.err.println("The drill starts a portal of its own on the same ports: stop the running one first"
                    + " (infra/portal down).");
            System.exit(1);
        }
        try (Portal portal = Portal.start(options, Main::say)) {
            SiteLossReport report = SiteLossDrill.run(portal, RecoveryObjectives.LOCAL_DRILL, Main::say);
            say("");
            say("Site-loss drill (RTO from the promotion's start; lost = acknowledged writes missing on the second site)");
            report.table().forEach(Main::say);
            List<String> missed = report.missedObjectives(RecoveryObjectives.LOCAL_DRILL);
            RecoveryObjectives o = RecoveryObjectives.LOCAL_DRILL;
            say(String.format("Objectives: 0 acknowledged 119 reports lost, 119 back within %d s, every service within"
                    + " %d s, other losses within a %d s RPO: %s", o.reportsRto().toSeconds(), o.serviceRto().toSeconds(),
                    o.rpo().toSeconds(), missed.isEmpty() ? "met" : "MISSED " + missed));
            say("Stopping the drill's portal...");
            return missed.isEmpty();
        }
    }

    private static void down(PortalOptions options) {
        try {
            System.out.print(control(options, "POST", "/down"));
            // Wait until the launcher released the control port, i.e. everything is stopped.
            for (int i = 0; i < 240 && Http.status("http://localhost:" + options.controlPort() + "/status") != -1; i++) {
                Thread.sleep(500);
            }
        } catch (Exception e) {
            int killed = ChildProcess.killLeftovers(options.runDir());
            System.out.println("No launcher answered; ended " + killed + " process(es) from pid files.");
        }
    }

    private static void reset(PortalOptions options) throws IOException {
        if (Http.status("http://localhost:" + options.controlPort() + "/status") == 200) {
            System.err.println("Stop the portal first (infra/portal down).");
            System.exit(1);
        }
        Path data = options.postgresData();
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        KafkaServer.Folders.deleteRecursively(options.kafkaData());
        say("Removed " + data + " and " + options.kafkaData()
                + "; the next 'infra/portal up' starts from empty databases with demo data and empty Kafka topics.");
    }

    private static String control(PortalOptions options, String method, String path) throws Exception {
        try {
            return Http.body(method, "http://localhost:" + options.controlPort() + path);
        } catch (IOException e) {
            if (e.getMessage() != null && !e.getMessage().isBlank() && !(e instanceof java.net.ConnectException)) {
                throw e;
            }
            throw new IOException("The portal is not running (start it with infra/portal up).", e);
        }
    }

    private static PortalOptions parseReplicas(PortalOptions options, String[] args) {
        PortalOptions result = options;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--replicas") && i + 1 < args.length) {
                for (String pair : args[++i].split(",")) {
                    String[] kv = pair.split("=");
                    result = result.withReplicas(PortalApp.byId(kv[0].trim()), Integer.parseInt(kv[1].trim()));
                }
            } else if (args[i].equals("--without-notifications")) {
                result = result.withoutNotifications();
            } else if (args[i].equals("--sites") && i + 1 < args.length) {
                int sites = Integer.parseInt(args[++i].trim());
                if (sites < 1 || sites > 2) {
                    throw new IllegalArgumentException("--sites is 1 or 2");
                }
                if (sites == 2) {
                    result = result.withSecondSite();
                }
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return result;
    }

    private static void printBanner(Portal portal, boolean infraOnly, long seconds) {
        PortalOptions o = portal.options();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Civil petition portal is up (" + seconds + " s). Logs: " + o.logDir());
        if (!infraOnly) {
            lines.add("  Gateway           " + o.gatewayUrl() + "   (status: " + o.gatewayUrl() + "/api/status)");
            lines.add("  Citizen pages     " + o.gatewayUrl() + "/   Admin console " + o.gatewayUrl() + "/admin");
            for (PortalApp app : PortalApp.services()) {
                lines.add(String.format("  %-17s %s  (%d replica(s); OpenAPI: %s/q/openapi)", app.id(),
                        o.serviceUrl(app), o.replicasOf(app), o.serviceUrl(app)));
            }
            for (PortalApp app : PortalApp.webApps()) {
                lines.add(String.format("  %-17s %s  (%d replica(s); open it through the gateway)", app.id(),
                        o.serviceUrl(app), o.replicasOf(app)));
            }
            lines.add(String.format("  %-17s %s  (the stand-in card payment provider, not behind the gateway; hosted"
                    + " page /pay/{id}; test card 4242 4242 4242 4242)", PortalApp.PAYMENT_SANDBOX.id(),
                    o.serviceUrl(PortalApp.PAYMENT_SANDBOX)));
        }
        if (o.notifications()) {
            if (!infraOnly) {
                lines.add(String.format("  %-17s %s  (%d replica(s); mail and text messages from Kafka events;"
                        + " gateway %s)",
                        PortalApp.NOTIFICATION.id(), o.serviceUrl(PortalApp.NOTIFICATION),
                        o.replicasOf(PortalApp.NOTIFICATION), PortalApp.NOTIFICATION.routePrefix()));
            }
            lines.add("  Kafka             localhost:" + o.kafkaPort() + "  (KRaft, one broker; topics "
                    + String.join(", ", KafkaServer.PORTAL_TOPICS) + "; data in " + o.kafkaData() + ")");
            lines.add("  Mail catcher      SMTP localhost:" + o.smtpPort() + "; sent mail: http://localhost:"
                    + o.mailApiPort() + "/api/user/<recipient>/messages/ or IMAP localhost:" + o.imapPort()
                    + " (user = recipient, any password)");
            lines.add("  Text messages     SMS and 알림톡 sent: http://localhost:" + o.textSinkPort()
                    + "/v1/messages?to=<number>  (numbers starting " + TextMessageSink.NOT_A_KAKAO_USER_PREFIX
                    + " have no KakaoTalk)");
        }
        lines.add("  Keycloak          " + portal.keycloak().url() + "  (realm portal; admin console: admin / admin)");
        lines.add("  PostgreSQL        localhost:" + portal.database().port() + "  (one database and role per service)");
        if (o.secondSite()) {
            lines.add("  Second site's DB  localhost:" + o.standbyPort() + "  (standby streaming from the first site's;"
                    + " 119 and gateway commits wait for it)");
        }
        lines.add("Demo users (password = user name): citizen, citizen2, citizen3, citizen4, citizen5, citizen6,");
        lines.add("  residency-officer (종로구청, 마포구청),");
        lines.add("  residency-officer2 (해운대구청), residency-officer3 (종로구청), passport-officer,");
        lines.add("  passport-officer2 (both 종로구청), passport-officer3 (부산시청), land-officer (종로구청),");
        lines.add("  land-officer2 (강남구청), land-officer3 (종로구청), dispatcher, admin, auditor, supervisor.");
        lines.add("  A token for scripts:");
        lines.add("  curl -s -d grant_type=password -d client_id=portal-test -d username=citizen -d password=citizen \\");
        lines.add("    " + portal.keycloak().tokenEndpoint());
        lines.add("Ctrl-C or 'infra/portal down' stops everything.");
        lines.forEach(Main::say);
    }

    private static void usage() {
        System.out.println("""
                usage: infra/portal COMMAND
                  up [--replicas passport=2,...]   start the whole portal and wait; Ctrl-C stops it
                     [--sites 2]                     with the second site's PostgreSQL, a streaming standby
                     [--without-notifications]       without Kafka, the mail and text sinks and the notification service
                  infra                            start only PostgreSQL and Keycloak
                  down                             stop a running portal
                  status                           what is running where
                  stop|start|restart|kill APP      one app (residency, passport, land-registry, emergency-report,
                                                   citizen-web, admin-console, payment-sandbox, notification, gateway); rolling,
                                                   start brings back replicas that stopped or crashed
                  pause|resume SERVICE             freeze (SIGSTOP) / thaw (SIGCONT) every replica: a hung service
                  stop|start keycloak              an identity-provider outage (apps go on with kept realm keys)
                  stop|start|kill kafka            the Kafka broker alone (data kept; kill = SIGKILL)
                  lose-first-site                  with --sites 2: SIGKILL the first site's PostgreSQL, apps and
                                                   Keycloak at once, as a fire would
                  fail-over                        then: promote the second site's PostgreSQL and start the gateway
                                                   and emergency-report on it first, then Keycloak and the rest
                  drill site-loss                  both, measured, on a two-site portal of its own (fresh data,
                                                   the contract's ports; the running portal must be down): citizens'
                                                   load through the gateway, the first site killed, failover; prints
                                                   RTO and lost writes per service; exit 1 if an objective is missed
                  reset                            wipe the PostgreSQL data (portal must be down)
                  keycloak --port N                Keycloak alone with the dev realm until stopped (what
                                                   infra/portal test runs for every module's tests)""");
    }

    private static void say(String line) {
        System.out.println("[portal] " + line);
    }
}

package kr.civilportal.launcher.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import kr.civilportal.launcher.DatabaseStandby;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalOptions;

/**
 * Losing the whole first site, measured ({@code infra/portal drill site-loss}, and the system test that runs it in
 * CI). On a portal started with its second site's PostgreSQL: citizens send 119 reports, are issued residency
 * certificates, file passport applications and read land parcels through the gateway, and every acknowledged write
 * is remembered. Then the first site is killed at once ({@link Portal#loseFirstSite()}: its PostgreSQL, Keycloak and
 * every app, SIGKILL) and the runbook's failover runs ({@link Portal#failOverToSecondSite()}: promotion, the gateway
 * and emergency-report first, then Keycloak and the rest, on the same addresses). The citizens go on all along.
 *
 * <p>The report has, per service, the time from the promotion's start until citizens were answered again (RTO)
 * and the acknowledged writes missing on the second site (RPO). The citizen's token is taken on the first site and
 * used on the second (its keys came with Keycloak's database), so a recovery also proves nobody signs in again.
 */
public final class SiteLossDrill {

    /** Acknowledged writes per writing service before the loss: the kill falls in the middle of writing. */
    public static final int ACKNOWLEDGED_BEFORE_LOSS = 20;
    /** A citizen's pace per service (load shaping): a few requests a second, not a benchmark. */
    static final Duration PACE = Duration.ofMillis(150);
    /** How long the citizens get to start writing, and the gateway to deliver a held 119 report on the second site. */
    static final Duration GETTING_GOING = Duration.ofMinutes(5);
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration DELIVERY_POLL = Duration.ofMillis(500);
    /** The dev realm's public client that allows the password grant (development and tests only). */
    static final String DEV_CLIENT = "portal-test";
    static final String CITIZEN = "citizen";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteLossDrill() {
    }

    /**
     * Runs the drill on a started two-site portal and returns what it measured; the portal is left running on the
     * second site (the caller closes it).
     */
    public static SiteLossReport run(Portal portal, RecoveryObjectives objectives, Consumer<String> progress)
            throws IOException, InterruptedException, SQLException {
        PortalOptions options = portal.options();
        String gateway = options.gatewayUrl();
        String token = citizenToken(portal.keycloak().tokenEndpoint());
        List<DrillCitizen> citizens = new ArrayList<>(List.of(
                DrillCitizen.reporting119(gateway, PACE),
                DrillCitizen.issuedCertificates(gateway, token, PACE),
                DrillCitizen.filingPassportApplications(gateway, token, PACE),
                DrillCitizen.readingLandParcels(gateway, token, PACE)));
        if (options.replicasOf(PortalApp.CITIZEN_WEB) > 0) {
            citizens.add(DrillCitizen.openingPages(gateway, PACE));
        }
        ExecutorService threads = Executors.newFixedThreadPool(citizens.size() + 1, r -> {
            Thread t = new Thread(r, "site-loss-drill");
            t.setDaemon(true);
            return t;
        });
        try {
            citizens.forEach(threads::submit);
            progress.accept("Citizens at work through the gateway: " + citizens.stream().map(c -> c.service).toList());
            long deadline = System.nanoTime() + GETTING_GOING.toNanos();
            while (citizens.stream().filter(DrillCitizen::writes).anyMatch(c -> c.acknowledged.size() < ACKNOWLEDGED_BEFORE_LOSS)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The citizens did not get going: " + acknowledgedCounts(citizens));
                }
                pause(POLL);
            }

            long lostAt = System.nanoTime();
            portal.loseFirstSite();
            long promotionStarted = System.nanoTime();
            progress.accept("First site lost; failing over while the citizens go on. Acknowledged so far: "
                    + citizens.stream().filter(DrillCitizen::writes).map(c -> c.service + " " + c.acknowledged.size())
                            .toList());
            citizens.forEach(c -> c.awaitRecoveryFrom(promotionStarted));
            Future<?> failover = threads.submit(portal::failOverToSecondSite);
            long recoveryDeadline = promotionStarted + objectives.serviceRto().toNanos();
            while (citizens.stream().anyMatch(c -> !c.recovered()) && System.nanoTime() < recoveryDeadline) {
                pause(POLL);
            }
            long stoppedWaiting = System.nanoTime();
            awaitFailover(failover, recoveryDeadline);
            citizens.forEach(DrillCitizen::stop);
            threads.shutdown();
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The citizens did not stop");
            }

            List<SiteLossReport.ServiceRecovery> services = new ArrayList<>();
            DatabaseStandby secondSite = portal.secondSite();
            long held = 0;
            for (DrillCitizen c : citizens) {
                long answeredAt = c.recovered() ? c.firstAnswerAfterNanos() : stoppedWaiting;
                List<Long> lost = c.writes() ? missingOnSecondSite(c, secondSite) : List.of();
                long oldestLost = lost.stream().mapToLong(ack -> lostAt - ack).max().orElse(0);
                services.add(new SiteLossReport.ServiceRecovery(c.service, c.recovered(),
                        Duration.ofNanos(answeredAt - promotionStarted), c.writes() ? c.acknowledged.size() : -1,
                        lost.size(), Duration.ofNanos(Math.max(0, oldestLost))));
                if (c.service.equals(RecoveryObjectives.EMERGENCY_REPORT)) {
                    held = c.acknowledged.keySet().stream().filter(id -> id.startsWith(DrillCitizen.HELD)).count();
                }
            }
            return new SiteLossReport(List.copyOf(services), held);
        } finally {
            citizens.forEach(DrillCitizen::stop);
            threads.shutdownNow();
        }
    }

    /** The failover has to have finished (or failed) by the time the drill judges recovery. */
    private static void awaitFailover(Future<?> failover, long deadlineNanos) throws InterruptedException {
        try {
            failover.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The failover failed", e.getCause());
        } catch (TimeoutException e) {
            failover.cancel(true);
            throw new IllegalStateException("The failover did not finish within the services' RTO");
        }
    }

    /**
     * The acknowledgement times of the citizen's acknowledged writes that are not on the second site. A 119 report
     * the gateway held counts once the second site's gateway has delivered it to emergency-report (its journal row
     * DELIVERED).
     */
    static List<Long> missingOnSecondSite(DrillCitizen c, DatabaseStandby secondSite) throws SQLException {
        List<Long> missing = new ArrayList<>();
        try (Connection db = secondSite.superuser(c.store.database());
             PreparedStatement q = db.prepareStatement("SELECT 1 FROM " + c.store.table() + " WHERE "
                     + c.store.idColumn() + "::text = ?")) {
            for (Map.Entry<String, Long> write : c.acknowledged.entrySet()) {
                if (write.getKey().startsWith(DrillCitizen.HELD)) {
                    if (!delivered(write.getKey().substring(DrillCitizen.HELD.length()), secondSite)) {
                        missing.add(write.getValue());
                    }
                    continue;
                }
                q.setString(1, write.getKey());
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        missing.add(write.getValue());
                    }
                }
            }
        }
        return missing;
    }

    /** Waits until the gateway's journal says the held report reached emergency-report; false if it never does. */
    private static boolean delivered(String relayId, DatabaseStandby secondSite) throws SQLException {
        long deadline = System.nanoTime() + GETTING_GOING.toNanos();
        try (Connection db = secondSite.superuser(PortalApp.GATEWAY.database());
             PreparedStatement q = db.prepareStatement("SELECT state FROM held_report WHERE id::text = ?")) {
            q.setString(1, relayId);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                    if (r.getString(1).equals("DELIVERED")) {
                        return true;
                    }
                }
                pause(DELIVERY_POLL);
            }
        }
        return false;
    }

    /** The demo citizen's access token (password = user name) through the dev realm's test client. */
    static String citizenToken(String tokenEndpoint) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + DEV_CLIENT + "&username=" + CITIZEN + "&password="
                + URLEncoder.encode(CITIZEN, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("No token for the demo citizen: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static String acknowledgedCounts(List<DrillCitizen> citizens) {
        return citizens.stream().filter(DrillCitizen::writes).map(c -> c.service + " " + c.acknowledged.size()
                + " (last refusal: " + c.lastRefusal + ")").toList().toString();
    }

    /** Paces a loop (load shaping or polling a condition), not a wait for readiness. */
    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

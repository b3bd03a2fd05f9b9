package kr.civilportal.launcher.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One citizen using one service through the gateway, all through the drill, at a citizen's pace: every
 * acknowledged write's id (and when it was acknowledged, to judge a loss against the RPO), and the first answer
 * after the failover began (the service's recovery).
 */
final class DrillCitizen implements Runnable {

    /** Where a write lands on the second site: database, table, and the column that holds the acknowledged id. */
    record Store(String database, String table, String idColumn) {
    }

    /** A 119 report the gateway held in its journal: its id is the journal's relay id, checked for delivery. */
    static final String HELD = "held:";
    /** Land parcel the demo data always has (서울 종로구 청운동 1). */
    static final String PARCEL = "1111010100100010000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    final String service;
    /** Null for a service the citizen only reads. */
    final Store store;
    private final Supplier<HttpRequest> request;
    private final Function<HttpResponse<String>, String> acknowledgedId;
    private final Duration pace;
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private volatile long firstAnswerAfterNanos = -1;
    private volatile long since = Long.MAX_VALUE;
    private volatile boolean stopped;
    /** The last answer that was not a 2xx, to say why a citizen did not get going. */
    volatile String lastRefusal = "none";

    private DrillCitizen(String service, Store store, Supplier<HttpRequest> request,
                         Function<HttpResponse<String>, String> acknowledgedId, Duration pace) {
        this.service = service;
        this.store = store;
        this.request = request;
        this.acknowledgedId = acknowledgedId;
        this.pace = pace;
    }

    /** Anonymous 119 reports (each with its own Idempotency-Key, as the app sends them). */
    static DrillCitizen reporting119(String gateway, Duration pace) {
        return new DrillCitizen(RecoveryObjectives.EMERGENCY_REPORT, new Store("emergency", "emergency_report", "id"),
                () -> call(gateway, "/api/emergency/v1/reports", null)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"FIRE\",\"description\":"
                                + "\"연기가 납니다\",\"latitude\":37.5665,\"longitude\":126.9780,"
                                + "\"accuracyMeters\":15}")).build(),
                DrillCitizen::reportOrHeld, pace);
    }

    /** Household certificates (등본) issued as PDFs; the issuance number is the acknowledgement. */
    static DrillCitizen issuedCertificates(String gateway, String token, Duration pace) {
        return new DrillCitizen("residency", new Store("residency", "certificate", "issuance_number"),
                () -> call(gateway, "/api/residency/v1/certificates", token)
                        .header("Content-Type", "application/json").header("Accept", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"HOUSEHOLD\"}")).build(),
                answer -> answer.headers().firstValue("Issuance-Number").orElseThrow(), pace);
    }

    /** New passport applications. */
    static DrillCitizen filingPassportApplications(String gateway, String token, Duration pace) {
        return new DrillCitizen("passport", new Store("passport", "passport_application", "id"),
                () -> call(gateway, "/api/passport/v1/applications", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":26}")).build(),
                answer -> jsonField(answer, "id"), pace);
    }

    /** Reads of one land parcel. */
    static DrillCitizen readingLandParcels(String gateway, String token, Duration pace) {
        return new DrillCitizen("land-registry", null,
                () -> call(gateway, "/api/land/v1/parcels/" + PARCEL, token).GET().build(), answer -> null, pace);
    }

    /** The citizen pages' start page (only when the drill runs with the web apps). */
    static DrillCitizen openingPages(String gateway, Duration pace) {
        return new DrillCitizen("citizen-web", null, () -> call(gateway, "/", null).GET().build(), answer -> null, pace);
    }

    boolean writes() {
        return store != null;
    }

    /** From now on, the first 2xx answer is the service's recovery. */
    void awaitRecoveryFrom(long nanos) {
        since = nanos;
    }

    boolean recovered() {
        return firstAnswerAfterNanos >= 0;
    }

    long firstAnswerAfterNanos() {
        return firstAnswerAfterNanos;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                HttpResponse<String> answer = HTTP.send(request.get(), HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (answer.statusCode() / 100 == 2) {
                    if (writes()) {
                        acknowledged.put(acknowledgedId.apply(answer), now);
                    }
                    if (now > since && firstAnswerAfterNanos < 0) {
                        firstAnswerAfterNanos = now;
                    }
                } else {
                    lastRefusal = answer.statusCode() + " " + answer.body();
                }
            } catch (IOException | RuntimeException e) {
                // The site is gone or not back yet: nothing was acknowledged; the citizen tries again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            SiteLossDrill.pause(pace);
        }
    }

    private static HttpRequest.Builder call(String gateway, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /**
     * A 119 report's acknowledgement: 201 with the service's report id, or 202 with the gateway's relay id when the
     * gateway held it in its journal (emergency-report not answering, e.g. still starting on the second site).
     */
    private static String reportOrHeld(HttpResponse<String> answer) {
        return answer.statusCode() == 202 ? HELD + jsonField(answer, "relayId") : jsonField(answer, "reportId");
    }

    static String jsonField(HttpResponse<String> answer, String field) {
        try {
            return JSON.readTree(answer.body()).path(field).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

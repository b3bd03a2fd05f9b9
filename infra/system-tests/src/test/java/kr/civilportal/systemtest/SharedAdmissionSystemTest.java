package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas, one waiting room and one set of rate limits: the launcher starts PostgreSQL,
 * Keycloak, residency, passport and two gateway replicas (ports shifted by {@value #PORT_OFFSET}, plus
 * {@code -Dportal.port-shift}: gateway replica r on 8080 + 10r + offset), passport's capacity at the gateways
 * lowered to {@value #CAPACITY} in flight and its admission rate to {@value #RATE} per second, residency's rate
 * limit to {@value #LIMIT} per {@value #PERIOD_SECONDS} s.
 *
 * <ul>
 *   <li>A booking rush on passport pickup slots spread over both gateways: {@value #BOOKINGS} bookings at once,
 *       each sent to one gateway, its ticket polled on both in turn and the booking repeated with the pass on the
 *       other gateway. Tickets from both gateways carry numbers from one counter and are let in in that order, at
 *       most the route's rate in total (not the rate per gateway), 0 slots overbooked, 0 5xx.</li>
 *   <li>One citizen alternating between the gateways on residency gets its limit (plus the documented bound:
 *       what it sent within two exchange intervals) in total, not once per gateway.</li>
 * </ul>
 */
class SharedAdmissionSystemTest {

    /**
     * Not 17,000: with a port shift of 450 PostgreSQL (15432 + offset) would sit in the kernel's ephemeral range
     * (32768+), where an outgoing connection can take its port first. 14,000 is free among the other tests' offsets.
     */
    static final int PORT_OFFSET = 14_000;
    static final int CAPACITY = 4;
    static final int RATE = 5;
    static final int BOOKINGS = 60;
    static final int SLOTS = 6;
    static final int PLACES_PER_SLOT = 8;
    static final int LIMIT = 20;
    static final int PERIOD_SECONDS = 10;
    /** The gateways' rate-limit exchange interval (portal.gateway.rate-limit.shared.sync-interval, default). */
    static final Duration SYNC_INTERVAL = Duration.ofMillis(200);
    static final Duration RATE_LIMIT_RUN = Duration.ofSeconds(12);
    static final Duration SEND_GAP = Duration.ofMillis(25);
    static final Duration JOURNEY_LIMIT = Duration.ofMinutes(3);
    static final Duration PASSPORT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** Bookings made one by one before the rush, so passport's first (slow, unjitted) requests are not the rush's. */
    static final int WARM_UP = 10;
    static final String OFFICE = "SHARED-ADM-TEST";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static Portal portal;
    static PortalOptions options;
    static List<String> gateways;

    @BeforeAll
    static void startPortal() {
        Path work;
        try {
            work = Files.createDirectories(Path.of("target/shared-admission-test").toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get())
                .withReplicas(PortalApp.GATEWAY, 2)
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.capacity", String.valueOf(CAPACITY))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.admission-rate", String.valueOf(RATE))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.poll-interval", "1s")
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.residency.rate-limit.requests", String.valueOf(LIMIT))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.residency.rate-limit.period", PERIOD_SECONDS + "s")
                // The machine is shared with other builds (load 15-25 on 2 cores): a booking or a readiness answer
                // may take seconds there, and this test is about admission, not about passport's latency (with the
                // 1 s probe time-out the only passport replica left the rotation for a second: one 503).
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.passport.timeout", PASSPORT_TIMEOUT.toSeconds() + "s")
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.status.probe-timeout", PROBE_TIMEOUT.toSeconds() + "s");
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        portal.start(PortalApp.RESIDENCY);
        portal.start(PortalApp.PASSPORT);
        portal.start(PortalApp.GATEWAY);
        portal.awaitKeycloak();
        gateways = List.of(options.gatewayUrl(0), options.gatewayUrl(1));
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    /** One booking's way through the rush. */
    record Journey(int gateway, int status, String issuedBy, long number, Instant admittedAt, String problem) {
        boolean ticketed() {
            return number >= 0;
        }
    }

    @Test
    void aRushOverBothGatewaysIsOneQueueAtOneRateAndAClientHasOneLimitOverBoth() throws Exception {
        for (String gateway : gateways) {
            JsonNode status = JSON.readTree(send(HttpRequest.newBuilder(URI.create(gateway + "/api/status")).build()).body());
            assertEquals("shared", status.path("admission").path("mode").asText(), gateway + ": " + status.path("admission"));
        }
        String[] citizens = {Tokens.of(portal.keycloak().tokenEndpoint(), "citizen"),
                Tokens.of(portal.keycloak().tokenEndpoint(), "citizen2")};
        Rush warmUp = prepare(citizens, WARM_UP);
        for (int i = 0; i < WARM_UP; i++) {
            send(book(gateways.get(i % 2), warmUp, citizens, i, UUID.randomUUID().toString(), null));
        }
        Rush rush = prepare(citizens, BOOKINGS);

        // The rush: every booking at once, spread over both gateways.
        long t0 = System.nanoTime();
        List<Journey> journeys = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Journey>> all = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                int booking = i;
                all.add(pool.submit(() -> journey(rush, citizens, booking)));
            }
            for (Future<Journey> f : all) {
                journeys.add(f.get(JOURNEY_LIMIT.toSeconds() + 30, TimeUnit.SECONDS));
            }
        }
        double rushSeconds = (System.nanoTime() - t0) / 1e9;

        List<Journey> ticketed = journeys.stream().filter(Journey::ticketed)
                .sorted(Comparator.comparingLong(Journey::number)).toList();
        long serverErrors = journeys.stream().filter(j -> j.status() >= 500).count();
        List<Journey> unfinished = journeys.stream().filter(j -> j.status() != 201 && j.status() != 409).toList();
        Set<Long> numbers = new HashSet<>();
        ticketed.forEach(j -> numbers.add(j.number()));
        long orderViolations = 0;
        Instant latest = Instant.MIN;
        for (Journey j : ticketed) {
            if (j.admittedAt().isBefore(latest)) {
                orderViolations++;
            }
            latest = latest.isAfter(j.admittedAt()) ? latest : j.admittedAt();
        }
        List<Instant> times = ticketed.stream().map(Journey::admittedAt).sorted().toList();
        // The most let in within any one second, and over the whole admission span.
        int mostInOneSecond = 0;
        for (int i = 0; i < times.size(); i++) {
            int n = 0;
            for (int k = i; k < times.size() && Duration.between(times.get(i), times.get(k)).toMillis() < 1000; k++) {
                n++;
            }
            mostInOneSecond = Math.max(mostInOneSecond, n);
        }
        double span = times.size() < 2 ? 0 : Duration.between(times.get(0), times.get(times.size() - 1)).toMillis() / 1000.0;
        double admittedPerSecond = span == 0 ? 0 : (times.size() - 1) / span;
        long fromGateway0 = ticketed.stream().filter(j -> j.issuedBy().equals(gateways.get(0))).count();
        Overbooking overbooking = overbooking(rush);
        System.out.printf("[shared-admission] rush: %d bookings over 2 gateways in %.1f s; %d straight in, %d given a "
                        + "ticket (%d by gateway 0, %d by gateway 1), %d distinct numbers; let in %.2f per second in total "
                        + "over %.1f s (route rate %d/s, at most %d in any second); order violations %d; final answers %s; "
                        + "5xx %d; bookings %d of %d places, overbooked slots %d%n",
                BOOKINGS, rushSeconds, journeys.size() - ticketed.size(), ticketed.size(), fromGateway0,
                ticketed.size() - fromGateway0, numbers.size(), admittedPerSecond, span, RATE, mostInOneSecond,
                orderViolations, statuses(journeys), serverErrors, overbooking.bookings(), SLOTS * PLACES_PER_SLOT,
                overbooking.overbookedSlots());

        assertEquals(0, serverErrors, "no 5xx: " + journeys);
        assertEquals(List.of(), unfinished, "every booking got its final answer (201, or 409 for a full slot)");
        assertTrue(ticketed.size() > BOOKINGS / 2, "the rush was queued (else this shows nothing): " + ticketed.size());
        assertTrue(fromGateway0 > 0 && fromGateway0 < ticketed.size(), "both gateways gave tickets");
        assertEquals(ticketed.size(), numbers.size(), "one counter: no number given twice by the two gateways");
        assertEquals(0, orderViolations, "let in in number order over both gateways");
        // The route's rate in total: at most one second's worth saved up plus the rate per second since the first.
        for (int i = 0; i < times.size(); i++) {
            double since = Duration.between(times.get(0), times.get(i)).toMillis() / 1000.0;
            assertTrue(i + 1 <= RATE * since + RATE + 1, (i + 1) + " let in within " + since + " s: more than the route's "
                    + "rate in total (" + RATE + "/s), as two separate queues would");
        }
        assertEquals(0, overbooking.overbookedSlots(), "no slot overbooked");
        assertEquals(Math.min(BOOKINGS, SLOTS * PLACES_PER_SLOT), overbooking.bookings(), "every place booked once");

        aClientAlternatingBetweenTheGatewaysHasOneLimit(citizens[0]);
    }

    /** Residency: {@value #LIMIT} per {@value #PERIOD_SECONDS} s per client, one citizen sending to both gateways in turn. */
    void aClientAlternatingBetweenTheGatewaysHasOneLimit(String token) throws Exception {
        List<Long> sentAt = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int allowed = 0;
        long start = System.nanoTime();
        long next = start;
        for (int i = 0; System.nanoTime() - start < RATE_LIMIT_RUN.toNanos(); i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait)); // the client's own pace: one request every SEND_GAP
            }
            next += SEND_GAP.toNanos();
            sentAt.add(System.nanoTime());
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateways.get(i % 2) + "/api/residency/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() != 429) {
                allowed++;
            }
        }
        double seconds = (sentAt.get(sentAt.size() - 1) - sentAt.get(0)) / 1e9;
        double oneBucket = LIMIT + (double) LIMIT / PERIOD_SECONDS * seconds;
        // The documented bound: what the client got through the other gateway before this one heard of it, i.e.
        // at most what it sent within two exchange intervals (one to write, one to read), here counted over both
        // gateways, whichever window of that length held the most.
        long lag = 2 * SYNC_INTERVAL.toNanos();
        int bound = 0;
        for (int i = 0, k = 0; i < sentAt.size(); i++) {
            while (sentAt.get(i) - sentAt.get(k) > lag) {
                k++;
            }
            bound = Math.max(bound, i - k + 1);
        }
        double overshoot = allowed - oneBucket;
        System.out.printf("[shared-admission] rate limit: one citizen, %d requests over %.1f s alternating between 2 "
                        + "gateways; let through %d (limit %d per %d s: one bucket allows %.1f over the run; each gateway "
                        + "alone would allow about %.1f); overshoot %.1f (bound: requests sent within %d ms, %d); "
                        + "statuses %s%n", sentAt.size(), seconds, allowed, LIMIT, PERIOD_SECONDS, oneBucket,
                2 * oneBucket, overshoot, lag / 1_000_000, bound, statuses);
        assertTrue(statuses.getOrDefault(200, 0) > 0, "residency answered: " + statuses);
        assertTrue(statuses.getOrDefault(429, 0) > 0, "the limit was reached: " + statuses);
        assertTrue(allowed <= oneBucket + bound, "let through " + allowed + ": more than one limit (" + oneBucket
                + ") plus the bound (" + bound + ")");
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 429), "only answers or refusals: " + statuses);
    }

    /** One booking, as the app does it: on a 202, poll the ticket (on both gateways in turn), then book again with the pass. */
    static Journey journey(Rush rush, String[] citizens, int i) throws Exception {
        int gateway = i % 2;
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(book(gateways.get(gateway), rush, citizens, i, key, null));
        if (first.statusCode() != 202) {
            return new Journey(gateway, first.statusCode(), null, -1, null, problem(first));
        }
        JsonNode ticket = JSON.readTree(first.body());
        String pass = ticket.path("ticket").asText();
        long number = ticket.path("number").asLong();
        String poll = ticket.path("pollUrl").asText();
        long retryAfter = Long.parseLong(first.headers().firstValue("Retry-After").orElse("1"));
        long deadline = System.nanoTime() + JOURNEY_LIMIT.toNanos();
        for (int polls = 1; ; polls++) {
            if (System.nanoTime() > deadline) {
                return new Journey(gateway, -1, gateways.get(gateway), number, Instant.MAX, "never let in");
            }
            Thread.sleep(Duration.ofSeconds(retryAfter)); // the waiting room's own pace (Retry-After)
            // Whichever gateway the load balancer picks: here each in turn.
            HttpResponse<String> state = send(HttpRequest.newBuilder(URI.create(gateways.get((gateway + polls) % 2) + poll)).build());
            if (state.statusCode() != 200) {
                return new Journey(gateway, state.statusCode(), gateways.get(gateway), number, Instant.MAX, problem(state));
            }
            JsonNode view = JSON.readTree(state.body());
            if (view.path("admitted").asBoolean()) {
                Instant admittedAt = Instant.parse(view.path("admittedAt").asText());
                // With the pass, on the other gateway than the one that gave the ticket.
                HttpResponse<String> booked = send(book(gateways.get(1 - gateway), rush, citizens, i, key, pass));
                return new Journey(gateway, booked.statusCode(), gateways.get(gateway), number, admittedAt, problem(booked));
            }
            retryAfter = state.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        }
    }

    static String problem(HttpResponse<String> r) {
        return r.statusCode() >= 300 ? r.statusCode() + " " + r.body() : null;
    }

    static HttpRequest book(String gateway, Rush rush, String[] citizens, int i, String key, String pass) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/api/passport/v1/applications/"
                        + rush.applications().get(i) + "/appointment"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + citizens[i % citizens.length])
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\":\"" + rush.slots().get(i % SLOTS) + "\"}"));
        if (pass != null) {
            b.header("Portal-Admission", pass);
        }
        return b.build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String statuses(List<Journey> journeys) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        journeys.forEach(j -> byStatus.merge(j.status(), 1L, Long::sum));
        return byStatus.toString();
    }

    /** The rush's fixtures in passport's database: the slots, and an application ready for pickup per booking. */
    record Rush(List<UUID> applications, List<UUID> slots) {
    }

    static int preparations;

    static Rush prepare(String[] citizens, int bookings) throws Exception {
        preparations++;
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            subjects.add(subject(citizens[i % citizens.length]));
        }
        try (Connection c = passportDb()) {
            PickupFixtures.Seeded seeded = PickupFixtures.seed(c, OFFICE, "시험 여권민원실 (test desk)", SLOTS,
                    preparations * SLOTS, PLACES_PER_SLOT, subjects);
            return new Rush(seeded.applications(), seeded.slots());
        }
    }

    record Overbooking(long bookings, long overbookedSlots) {
    }

    /** Read from passport's database: no slot with more bookings than places, its counter matching its bookings. */
    static Overbooking overbooking(Rush rush) throws SQLException {
        long bookings = 0;
        long overbooked = 0;
        try (Connection c = passportDb();
             PreparedStatement s = c.prepareStatement("""
                     SELECT s.capacity, s.booked, (SELECT count(*) FROM pickup_booking b WHERE b.slot_id = s.id)
                     FROM pickup_slot s WHERE s.id = ?""")) {
            for (UUID slot : rush.slots()) {
                s.setObject(1, slot);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long rows = r.getLong(3);
                    bookings += rows;
                    if (rows > r.getLong(1) || r.getLong(2) > r.getLong(1) || rows != r.getLong(2)) {
                        overbooked++;
                    }
                }
            }
        }
        return new Overbooking(bookings, overbooked);
    }

    static Connection passportDb() throws SQLException {
        return DriverManager.getConnection(portal.database().jdbcUrl("passport"), "passport",
                Portal.devPassword(PortalApp.PASSPORT));
    }

    static String subject(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).get("sub").asText();
    }
}

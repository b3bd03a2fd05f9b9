package kr.civilportal.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A booking rush on passport pickup slots (교부 예약): {@value #CITIZENS} citizens, each with an application ready
 * for pickup, race for {@value #SLOTS} slots of {@value #CAPACITY} places ({@value #PLACES} places in all); citizen
 * i books slot i mod {@value #SLOTS} once, with its own Idempotency-Key, {@value #CONCURRENCY} in flight. Run
 * twice in one process on fresh applications and slots: straight to the passport service (baseline) and through
 * the gateway. Prints throughput, p50/p99, statuses, and the overbooking read from passport's database (must be 0:
 * no slot with more bookings than places, and exactly {@value #PLACES} bookings).
 *
 * <p>Setup (not measured): the citizens are real Keycloak users created through the admin API of the benchmark's
 * own Keycloak (the realm's password hashing lowered there first, so that 2,000 logins take seconds, not minutes;
 * the default role gains {@code citizen}), each logs in for a real token; their applications and the rush's slots
 * are written straight into passport's database as fixtures, as the service tests do. Ports shifted by
 * {@value #PORT_OFFSET}. Not a test (the name does not end in Test): run it on purpose, see README.
 */
class BookingRushBenchmark {

    static final int PORT_OFFSET = 13_000;
    static final int CITIZENS = 2_000;
    static final int SLOTS = 20;
    static final int CAPACITY = 10;
    static final int PLACES = SLOTS * CAPACITY;
    static final int CONCURRENCY = 200;
    static final int SETUP_THREADS = 8;
    static final String OFFICE = "RUSH-BENCH";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Portal portal;
    static PortalOptions options;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/booking-rush-benchmark").toAbsolutePath());
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void bookingRush() throws Exception {
        long t0 = System.nanoTime();
        List<String> users = createCitizens();
        // Tokens live 10 minutes: each rush logs its citizens in just before it starts.
        List<String> tokens = login(users);
        System.out.printf("[bench] setup: %d citizens created and logged in in %.1f s%n", tokens.size(),
                (System.nanoTime() - t0) / 1e9);
        List<String> subjects = tokens.stream().map(BookingRushBenchmark::subjectOf).toList();

        LoadRunner runner = new LoadRunner();
        Rush direct = prepare("direct", subjects);
        LoadRunner.Result directResult = runner.run("booking rush direct to passport", CONCURRENCY, CITIZENS,
                Duration.ofMinutes(10), i -> book(options.serviceUrl(PortalApp.PASSPORT), direct, tokens, i,
                        UUID.randomUUID().toString(), null));
        long directOverbooked = report(direct, directResult);

        Rush viaGateway = prepare("gateway", subjects);
        List<String> fresh = login(users);
        GatewayRush gatewayRush = rushViaGateway(options.gatewayUrl(), viaGateway, fresh);
        long gatewayOverbooked = report(viaGateway, gatewayRush.asResult());
        gatewayRush.print(directResult);

        assertEquals(0, directOverbooked, "no slot overbooked (direct)");
        assertEquals(0, gatewayOverbooked, "no slot overbooked (gateway)");
        assertEquals(0, gatewayRush.serverErrors(), "no citizen got a 5xx through the gateway");
        assertEquals(0, gatewayRush.unfinished(), "every citizen got a final answer (201 or 409)");
        assertEquals(0, gatewayRush.admittedOutOfOrder(), "tickets admitted in the order they were given");
    }

    /**
     * One citizen's way through the rush via the gateway, as the app does it: the booking, and when the
     * waiting room answers 202 with a ticket, polls of the ticket every {@code Retry-After} seconds until it is
     * admitted, then the same booking (same Idempotency-Key) with the pass.
     */
    record Journey(int status, long totalMicros, long finalRequestMicros, long ticketNumber, long admittedAtMillis,
                   int polls) {
        boolean ticketed() {
            return ticketNumber >= 0;
        }
    }

    /** The gateway rush's journeys, and its figures. */
    record GatewayRush(List<Journey> journeys, double seconds) {

        long serverErrors() {
            return journeys.stream().filter(j -> j.status() >= 500).count();
        }

        long unfinished() {
            return journeys.stream().filter(j -> j.status() != 201 && j.status() != 409).count();
        }

        /** Pairs of tickets where the later-numbered one was let in strictly before the earlier one. */
        long admittedOutOfOrder() {
            List<Journey> byNumber = journeys.stream().filter(Journey::ticketed)
                    .sorted(java.util.Comparator.comparingLong(Journey::ticketNumber)).toList();
            long inversions = 0;
            long latestSoFar = Long.MIN_VALUE;
            for (Journey j : byNumber) {
                if (j.admittedAtMillis() < latestSoFar) {
                    inversions++;
                }
                latestSoFar = Math.max(latestSoFar, j.admittedAtMillis());
            }
            return inversions;
        }

        /** The final answers, as LoadRunner would count them, for the overbooking report. */
        LoadRunner.Result asResult() {
            Histogram latency = histogram(journeys.stream().mapToLong(Journey::totalMicros));
            java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>();
            journeys.forEach(j -> statuses.merge(j.status(), 1L, Long::sum));
            return new LoadRunner.Result("booking rush via gateway (tickets followed)", CONCURRENCY, journeys.size(),
                    seconds, latency, statuses, 0);
        }

        void print(LoadRunner.Result direct) {
            List<Journey> straight = journeys.stream().filter(j -> !j.ticketed()).toList();
            List<Journey> ticketed = journeys.stream().filter(Journey::ticketed).toList();
            Histogram straightLatency = histogram(straight.stream().mapToLong(Journey::finalRequestMicros));
            Histogram admittedLatency = histogram(ticketed.stream().mapToLong(Journey::finalRequestMicros));
            Histogram wait = histogram(ticketed.stream().mapToLong(Journey::totalMicros));
            System.out.printf("[bench] gateway rush: %d citizens in %.1f s; %d straight in, %d given a ticket; final "
                            + "answers %s; 5xx %d; tickets admitted out of order %d; polls per ticket p50 %d max %d%n",
                    journeys.size(), seconds, straight.size(), ticketed.size(), asResult().statuses(), serverErrors(),
                    admittedOutOfOrder(), (long) percentile(ticketed.stream().mapToLong(Journey::polls), 50),
                    (long) percentile(ticketed.stream().mapToLong(Journey::polls), 100));
            System.out.printf("[bench] booking request latency, p50 / p99 ms: direct %.2f / %.2f; via gateway, "
                            + "straight in %s; admitted with a ticket %s%n", direct.p50Millis(), direct.p99Millis(),
                    millis(straightLatency), millis(admittedLatency));
            System.out.printf("[bench] ticket holders, from first request to final answer (wait included), p50 / p99 / "
                    + "max s: %s%n", seconds(wait));
        }

        private static String millis(Histogram h) {
            return h.getTotalCount() == 0 ? "-" : "%.2f / %.2f".formatted(h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0);
        }

        private static String seconds(Histogram h) {
            return h.getTotalCount() == 0 ? "-" : "%.1f / %.1f / %.1f".formatted(h.getValueAtPercentile(50) / 1e6,
                    h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
        }

        private static double percentile(java.util.stream.LongStream values, double p) {
            Histogram h = histogram(values);
            return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p);
        }

        private static Histogram histogram(java.util.stream.LongStream values) {
            Histogram h = new Histogram(Duration.ofMinutes(30).toNanos() / 1000, 3);
            values.forEach(v -> h.recordValue(Math.max(0, v)));
            return h;
        }
    }

    static GatewayRush rushViaGateway(String base, Rush rush, List<String> tokens) throws Exception {
        // At most CONCURRENCY requests in flight, as in the direct rush; a citizen waiting on a ticket holds none.
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        long start = System.nanoTime();
        List<Journey> journeys = new ArrayList<>();
        try (ExecutorService citizens = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Journey>> all = new ArrayList<>();
            for (int i = 0; i < CITIZENS; i++) {
                int citizen = i;
                all.add(citizens.submit(() -> journey(base, rush, tokens, citizen, inFlight)));
            }
            for (Future<Journey> f : all) {
                journeys.add(f.get(JOURNEY_LIMIT.toMinutes() + 1, TimeUnit.MINUTES));
            }
        }
        return new GatewayRush(journeys, (System.nanoTime() - start) / 1e9);
    }

    static final Duration JOURNEY_LIMIT = Duration.ofMinutes(10);

    static Journey journey(String base, Rush rush, List<String> tokens, int i, Semaphore inFlight) throws Exception {
        String key = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        HttpResponse<String> first = limited(book(base, rush, tokens, i, key, null), inFlight);
        long firstMicros = (System.nanoTime() - t0) / 1000;
        if (first.statusCode() != 202) {
            return new Journey(first.statusCode(), firstMicros, firstMicros, -1, -1, 0);
        }
        JsonNode ticket = JSON.readTree(first.body());
        String pass = ticket.get("ticket").asText();
        long number = ticket.get("number").asLong();
        URI pollUrl = URI.create(base + ticket.get("pollUrl").asText());
        long retryAfter = retryAfterSeconds(first);
        int polls = 0;
        long admittedAt;
        while (true) {
            if (System.nanoTime() - t0 > JOURNEY_LIMIT.toNanos()) {
                return new Journey(-1, (System.nanoTime() - t0) / 1000, 0, number, Long.MAX_VALUE, polls);
            }
            // The waiting room's own pace (Retry-After), as the app and the page follow it.
            Thread.sleep(Duration.ofSeconds(retryAfter));
            HttpResponse<String> poll = HTTP.send(HttpRequest.newBuilder(pollUrl).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            polls++;
            if (poll.statusCode() != 200) {
                return new Journey(poll.statusCode(), (System.nanoTime() - t0) / 1000, 0, number, Long.MAX_VALUE, polls);
            }
            JsonNode view = JSON.readTree(poll.body());
            if (view.path("admitted").asBoolean()) {
                admittedAt = Instant.parse(view.get("admittedAt").asText()).toEpochMilli();
                break;
            }
            retryAfter = retryAfterSeconds(poll);
        }
        long a0 = System.nanoTime();
        HttpResponse<String> admitted = limited(book(base, rush, tokens, i, key, pass), inFlight);
        long end = System.nanoTime();
        return new Journey(admitted.statusCode(), (end - t0) / 1000, (end - a0) / 1000, number, admittedAt, polls);
    }

    static long retryAfterSeconds(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
    }

    static HttpResponse<String> limited(HttpRequest request, Semaphore inFlight) throws Exception {
        inFlight.acquire();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            inFlight.release();
        }
    }

    /** One rush's fixtures: an application per citizen, and the slots. */
    record Rush(String name, List<UUID> applications, List<UUID> slots) {
    }

    /** Citizen i's booking; with {@code pass}, the waiting room's admitted ticket. */
    static HttpRequest book(String base, Rush rush, List<String> tokens, int i, String idempotencyKey, String pass) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/passport/v1/applications/"
                        + rush.applications().get(i) + "/appointment"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(i))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\":\"" + rush.slots().get(i % SLOTS) + "\"}"));
        if (pass != null) {
            request.header("Portal-Admission", pass);
        }
        return request.build();
    }

    /** Prints the rush's figures and returns the overbooking found in passport's database. */
    static long report(Rush rush, LoadRunner.Result result) throws SQLException {
        try (Connection c = passportDb()) {
            long overbookedSlots = 0;
            long excessBookings = 0;
            long bookings = 0;
            long counterMismatch = 0;
            for (UUID slot : rush.slots()) {
                long booked = single(c, "SELECT booked FROM pickup_slot WHERE id = ?", slot);
                long rows = single(c, "SELECT count(*) FROM pickup_booking WHERE slot_id = ?", slot);
                long capacity = single(c, "SELECT capacity FROM pickup_slot WHERE id = ?", slot);
                bookings += rows;
                if (rows > capacity || booked > capacity) {
                    overbookedSlots++;
                    excessBookings += Math.max(rows, booked) - capacity;
                }
                if (rows != booked) {
                    counterMismatch++;
                }
            }
            System.out.printf("[bench] %-42s booked %d of %d places; 201 %d, 409 %d, other %s, failures %d; "
                            + "overbooked slots %d (excess bookings %d); slots whose counter differs from "
                            + "their bookings %d%n", rush.name(), bookings, PLACES, result.count(201),
                    result.count(409), result.statuses(), result.failures(), overbookedSlots, excessBookings,
                    counterMismatch);
            return excessBookings + counterMismatch;
        }
    }

    /** Fresh slots (next week, this rush's own office hours) and a READY_FOR_PICKUP application per citizen. */
    static Rush prepare(String name, List<String> subjects) throws SQLException {
        List<UUID> applications = new ArrayList<>();
        List<UUID> slots = new ArrayList<>();
        try (Connection c = passportDb()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO pickup_office (id, name, address) VALUES (?, '벤치마크 여권민원실 (benchmark desk)', '-')
                    ON CONFLICT (id) DO NOTHING""")) {
                s.setString(1, OFFICE);
                s.executeUpdate();
            }
            int hourOffset = name.equals("direct") ? 0 : 100;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked)
                    VALUES (?, ?, date_trunc('day', now()) + interval '3 days' + ? * interval '1 hour', ?, 0)""")) {
                for (int i = 0; i < SLOTS; i++) {
                    UUID id = UUID.randomUUID();
                    s.setObject(1, id);
                    s.setString(2, OFFICE);
                    s.setInt(3, hourOffset + i);
                    s.setInt(4, CAPACITY);
                    s.addBatch();
                    slots.add(id);
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO passport_application (id, applicant_subject, kind, validity, pages, status,
                        submitted_at, updated_at, identity_check, identity_checked_at)
                    VALUES (?, ?, 'NEW', 'TEN_YEARS', 58, 'READY_FOR_PICKUP', now(), now(), 'VERIFIED', now())""")) {
                for (String subject : subjects) {
                    UUID id = UUID.randomUUID();
                    s.setObject(1, id);
                    s.setString(2, subject);
                    s.addBatch();
                    applications.add(id);
                }
                s.executeBatch();
            }
            c.commit();
        }
        return new Rush(name, applications, slots);
    }

    /** Creates the citizens in Keycloak (admin API); returns their user names (password = user name). */
    static List<String> createCitizens() throws Exception {
        String keycloak = portal.keycloak().url();
        String admin = admin();
        String realm = keycloak + "/admin/realms/portal";
        // Benchmark realm only: a cheap password hash, so that the setup's 2,000 logins do not take minutes.
        send(HttpRequest.newBuilder(URI.create(realm)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"passwordPolicy\":\"hashIterations(1)\"}")), 204);
        // New users are citizens: the realm's default role gains the citizen role.
        JsonNode citizen = JSON.readTree(send(HttpRequest.newBuilder(URI.create(realm + "/roles/citizen"))
                .header("Authorization", "Bearer " + admin).GET(), 200));
        JsonNode defaults = JSON.readTree(send(HttpRequest.newBuilder(URI.create(realm + "/roles/default-roles-portal"))
                .header("Authorization", "Bearer " + admin).GET(), 200));
        send(HttpRequest.newBuilder(URI.create(realm + "/roles-by-id/" + defaults.get("id").asText() + "/composites"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + citizen + "]")), 204);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            users.add("rush-citizen-%04d".formatted(i));
        }
        parallel(users, user -> send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username":"%s","enabled":true,"emailVerified":true,"email":"%s@bench.civilportal.kr",
                         "firstName":"벤치","lastName":"시민",
                         "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                        .formatted(user, user, user))), 201));
        return users;
    }

    private static String adminToken;
    private static long adminTokenAt;

    /** The master realm's admin token lives a minute: fetched again when half of that has passed. */
    static synchronized String admin() throws Exception {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofSeconds(30).toNanos()) {
            adminToken = form(portal.keycloak().url() + "/realms/master/protocol/openid-connect/token",
                    "grant_type=password&client_id=admin-cli&username=admin&password=admin").get("access_token").asText();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** Each citizen's access token, in the order of {@code users}. */
    static List<String> login(List<String> users) throws Exception {
        String tokenEndpoint = portal.keycloak().tokenEndpoint();
        return parallel(users, user -> form(tokenEndpoint, "grant_type=password&client_id=portal-test&username="
                + enc(user) + "&password=" + enc(user)).get("access_token").asText());
    }

    interface Step {
        String apply(String user) throws Exception;
    }

    static List<String> parallel(List<String> users, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String user : users) {
                futures.add(pool.submit((Callable<String>) () -> step.apply(user)));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static String subjectOf(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return JSON.readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException("Not a JWT", e);
        }
    }

    static JsonNode form(String url, String body) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200));
    }

    static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Connection passportDb() throws SQLException {
        return DriverManager.getConnection(portal.database().jdbcUrl("passport"), "passport",
                Portal.devPassword(PortalApp.PASSPORT));
    }

    static long single(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}

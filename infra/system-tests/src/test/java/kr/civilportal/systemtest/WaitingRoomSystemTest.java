package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A booking rush on passport through the gateway's waiting room.
 *
 * <p>PostgreSQL, Keycloak, passport and the gateway run as separate processes (the launcher, ports shifted by
 * {@value #PORT_OFFSET}); passport's capacity at the gateway is lowered to {@value #CAPACITY} requests in
 * flight. First a baseline at that load ({@value #CAPACITY} citizens), then {@value #SURGE_FACTOR} times that
 * many citizens at once, each doing what the contract says: on a 202 poll the ticket until admitted, then
 * repeat the request with the pass. Nobody gets a 5xx, tickets are admitted in number order, officials never
 * queue, and the latency of the requests that reach passport is printed beside the baseline's.
 */
class WaitingRoomSystemTest {

    static final int PORT_OFFSET = 5_500;
    static final int CAPACITY = 4;
    static final int SURGE_FACTOR = 4;
    static final int REQUESTS_PER_CITIZEN = 15;
    static final String ENDPOINT = "/api/passport/v1/applications/mine";
    static final ObjectMapper JSON = new ObjectMapper();
    /** What a browser sends: HTML first, anything else will do (the passport API answers JSON). */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static Portal portal;
    static String gateway;
    static String citizen;
    static String officer;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/waiting-room-test").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider()
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.capacity", String.valueOf(CAPACITY))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.admission-rate", "40")
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.poll-interval", "1s");
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        portal.start(PortalApp.PASSPORT);
        portal.start(PortalApp.GATEWAY);
        gateway = options.gatewayUrl();
        portal.awaitKeycloak();
        citizen = Tokens.of(portal.keycloak().tokenEndpoint(), "citizen");
        officer = Tokens.of(portal.keycloak().tokenEndpoint(), "passport-officer");
    }

    @AfterAll
    static void stopEverything() {
        if (portal != null) {
            portal.close();
        }
    }

    /** What one citizen's requests came to. */
    static final class Results {
        final Queue<Long> admittedNanos = new ConcurrentLinkedQueue<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        final Map<Long, Instant> admittedAt = Collections.synchronizedMap(new TreeMap<>());
        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger maxPosition = new AtomicInteger();
        final Queue<Long> waitedMillis = new ConcurrentLinkedQueue<>();
    }

    @Test
    void aRushIsQueuedInOrderWithoutErrorsAndAdmittedRequestsKeepTheirLatency() throws Exception {
        // Warm-up, then the baseline: as many citizens as the route's capacity.
        run(CAPACITY, 10, new Results());
        Results baseline = new Results();
        run(CAPACITY, REQUESTS_PER_CITIZEN, baseline);
        assertEquals(List.of(), new ArrayList<>(baseline.unexpected));

        // The rush, with an official working through it and a browser arriving in the middle.
        Results surge = new Results();
        AtomicBoolean rushing = new AtomicBoolean(true);
        ExecutorService side = Executors.newVirtualThreadPerTaskExecutor();
        Future<List<Integer>> officialStatuses = side.submit(() -> {
            List<Integer> statuses = new ArrayList<>();
            while (rushing.get()) {
                statuses.add(send(get("/api/passport/v1/applications?size=5", officer)).statusCode());
            }
            return statuses;
        });
        Future<String> browser = side.submit(() -> browserWaits(rushing));
        run(CAPACITY * SURGE_FACTOR, REQUESTS_PER_CITIZEN, surge);
        rushing.set(false);
        List<Integer> official = officialStatuses.get();
        String browserOutcome = browser.get();
        side.shutdown();

        assertEquals(List.of(), new ArrayList<>(surge.unexpected), "no 5xx, no other error, for anybody");
        assertTrue(surge.queued.get() > 0, "the rush was queued (else this test shows nothing)");
        assertTrue(official.stream().allMatch(s -> s == 200), "officials never queue: " + official);
        // Admitted in number order: each ticket's admission time is no earlier than the one before it.
        List<Instant> inNumberOrder = new ArrayList<>(surge.admittedAt.values());
        for (int i = 1; i < inNumberOrder.size(); i++) {
            assertTrue(!inNumberOrder.get(i).isBefore(inNumberOrder.get(i - 1)),
                    "ticket admitted out of order at index " + i + ": " + surge.admittedAt);
        }

        // Forged tickets are refused with a problem, both when polled and when used as a pass.
        HttpResponse<String> forgedPoll = send(HttpRequest.newBuilder(URI.create(gateway + "/api/waiting-room/tickets/v1.x.passport.1.1.AAAA")).build());
        assertEquals(400, forgedPoll.statusCode());
        assertTrue(forgedPoll.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> forgedPass = send(HttpRequest.newBuilder(URI.create(gateway + ENDPOINT))
                .header("Authorization", "Bearer " + citizen).header("Portal-Admission", "v1.x.passport.1.1.AAAA").build());
        assertEquals(400, forgedPass.statusCode());

        String metrics = send(HttpRequest.newBuilder(URI.create(gateway + "/q/metrics")).build()).body();
        assertTrue(metrics.contains("portal_gateway_waiting_room_queue_length{route=\"passport\"}"), "gauge exported");

        List<Long> base = sorted(baseline.admittedNanos);
        List<Long> admitted = sorted(surge.admittedNanos);
        System.out.printf("[waiting-room] capacity %d in flight; baseline %d citizens: %d requests, p50 %.1f ms, p99 %.1f ms; "
                        + "rush %d citizens: %d requests reached passport, p50 %.1f ms, p99 %.1f ms (p50 ratio %.2f); "
                        + "%d were queued first (deepest place %d, wait p50 %d ms, max %d ms), 0 errors; "
                        + "official's %d requests during the rush all 200; browser: %s%n",
                CAPACITY, CAPACITY, base.size(), ms(pct(base, 50)), ms(pct(base, 99)),
                CAPACITY * SURGE_FACTOR, admitted.size(), ms(pct(admitted, 50)), ms(pct(admitted, 99)),
                (double) pct(admitted, 50) / pct(base, 50),
                surge.queued.get(), surge.maxPosition.get(), pctMillis(surge.waitedMillis, 50),
                pctMillis(surge.waitedMillis, 100), official.size(), browserOutcome);
        assertEquals(CAPACITY * SURGE_FACTOR * REQUESTS_PER_CITIZEN, admitted.size(), "every citizen got through");
        assertTrue(browserOutcome.startsWith("admitted"), browserOutcome);
    }

    /** {@code citizens} at once, each doing {@code requests} requests one after the other, as the contract says. */
    static void run(int citizens, int requests, Results results) throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < citizens; c++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    try {
                        oneRequest(results);
                    } catch (Exception e) {
                        results.unexpected.add(e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    static void oneRequest(Results results) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = send(get(ENDPOINT, citizen));
        if (r.statusCode() == 200) {
            results.admittedNanos.add(System.nanoTime() - start);
            return;
        }
        if (r.statusCode() != 202) {
            results.unexpected.add(r.statusCode() + " " + r.body());
            return;
        }
        results.queued.incrementAndGet();
        JsonNode ticket = JSON.readTree(r.body());
        results.maxPosition.accumulateAndGet(ticket.path("position").asInt(), Math::max);
        long waitFrom = System.nanoTime();
        JsonNode state = ticket;
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        while (!state.path("admitted").asBoolean()) {
            Thread.sleep(retryAfter * 1000);
            HttpResponse<String> poll = send(HttpRequest.newBuilder(URI.create(gateway + ticket.path("pollUrl").asText())).build());
            if (poll.statusCode() != 200) {
                results.unexpected.add("poll " + poll.statusCode() + " " + poll.body());
                return;
            }
            state = JSON.readTree(poll.body());
        }
        results.waitedMillis.add((System.nanoTime() - waitFrom) / 1_000_000);
        results.admittedAt.put(state.path("number").asLong(), Instant.parse(state.path("admittedAt").asText()));
        long admittedStart = System.nanoTime();
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(gateway + ENDPOINT))
                .header("Authorization", "Bearer " + citizen)
                .header("Portal-Admission", ticket.path("ticket").asText()).build());
        if (again.statusCode() != 200) {
            results.unexpected.add("with pass " + again.statusCode() + " " + again.body());
            return;
        }
        results.admittedNanos.add(System.nanoTime() - admittedStart);
    }

    /**
     * A browser during the rush: sent to the waiting-room page, whose script asks for the ticket's place and, once
     * let in, sends the page's "check now" form, answered with the way back and a pass cookie, with which the page
     * loads. (Sends that form, GET /waiting-room with the ticket, as the script or the button would.)
     */
    static String browserWaits(AtomicBoolean rushing) throws Exception {
        while (rushing.get()) {
            HttpResponse<String> first = send(get(ENDPOINT, citizen, BROWSER_ACCEPT));
            if (first.statusCode() != 303) {
                Thread.sleep(100);
                continue;
            }
            String location = first.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith("/waiting-room?ticket=")) {
                return "redirected elsewhere: " + location;
            }
            int pages = 0;
            while (true) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(gateway + location))
                        .header("Accept", "text/html").build());
                pages++;
                if (page.statusCode() == 200) {
                    if (!page.body().contains("대기 순번") || !page.body().contains("id=\"waiting-check\"")) {
                        return "page without place or 'check now' form: " + page.body();
                    }
                    Thread.sleep(1000);
                    continue;
                }
                if (page.statusCode() != 303) {
                    return "page answered " + page.statusCode();
                }
                String back = page.headers().firstValue("Location").orElseThrow();
                String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                HttpResponse<String> after = send(HttpRequest.newBuilder(URI.create(gateway).resolve(back))
                        .header("Authorization", "Bearer " + citizen).header("Accept", BROWSER_ACCEPT)
                        .header("Cookie", cookie).build());
                return (after.statusCode() == 200 ? "admitted" : "back but " + after.statusCode())
                        + " after " + pages + " page loads, back to " + back;
            }
        }
        return "never queued";
    }

    static HttpRequest get(String path, String token) {
        return get(path, token, "application/json");
    }

    static HttpRequest get(String path, String token, String accept) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<Long> sorted(Queue<Long> values) {
        List<Long> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static long pctMillis(Queue<Long> values, int p) {
        return pct(sorted(values), Math.max(p, 1));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}

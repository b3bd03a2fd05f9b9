package kr.civilportal.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parcel look-up ({@code GET /api/land/v1/parcels/{pnu}}) throughput and p50/p99 latency at a fixed
 * concurrency, against the large synthetic register (110,000 parcels), in one run:
 * <ul>
 *   <li>cold: each request a parcel not yet in the land service's cache (a first pass over distinct PNUs),
 *   so every one costs the database reads;</li>
 *   <li>cached: a small set of parcels requested over and over, served from the cache;</li>
 *   <li>revalidated: the cached set again with {@code If-None-Match}, answered 304 without a body;</li>
 * </ul>
 * each both directly on the land-registry port and through the gateway. The gateway/direct ratio of each
 * pair is the gateway's cost. The JVMs are warmed up first on other parcels, so "cold" means a cold cache,
 * not a cold JIT. Not a test (the name does not end in Test): run it on purpose, see the README here.
 * No figure is asserted (the machine is shared); only that every answer was right.
 */
class ParcelLookupBenchmark {

    static final int PORT_OFFSET = 6_000;
    static final int CONCURRENCY = 16;
    static final int COLD_REQUESTS = 4_000;
    static final int HOT_SET = 200;
    static final int CACHED_REQUESTS = 20_000;
    static final int WARM_UP_REQUESTS = 3_000;
    static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    /** The last parcel the large seed creates (db/demo/large-seed.sql). */
    static final String LAST_SEEDED = "4311425321210000010";
    /** The legal dongs of the large seed; lots 1..1000 (above 950 mountain lots), sub lots 0..10. */
    static final List<String> DONGS = List.of("1130510100", "1144012000", "1171010100", "2635010500", "2711010100",
            "2817710100", "2920010100", "3017010100", "4113510900", "4311425321");

    static Portal portal;
    static String direct;
    static String gateway;
    static String tokenEndpoint;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/parcel-lookup-benchmark").toAbsolutePath());
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps()
                .withAppConfig(PortalApp.LAND_REGISTRY, "portal.land.large-seed", "true");
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        direct = options.serviceUrl(PortalApp.LAND_REGISTRY);
        gateway = options.gatewayUrl();
        tokenEndpoint = portal.keycloak().tokenEndpoint();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void parcelLookUpColdAndCachedDirectAndThroughTheGateway() throws Exception {
        // Seeded before readiness (StartupEvent), but checked rather than assumed.
        assertEquals(200, get(direct, LAST_SEEDED, null).statusCode(), "the large seed is there");

        List<String> pnus = shuffledLargeSeedPnus();
        int at = 0;
        List<String> warmUp = pnus.subList(at, at += WARM_UP_REQUESTS);
        List<String> coldDirect = pnus.subList(at, at += COLD_REQUESTS);
        List<String> coldGateway = pnus.subList(at, at += COLD_REQUESTS);
        List<String> hot = pnus.subList(at, at + HOT_SET);

        LoadRunner load = new LoadRunner();
        // JIT warm-up of the land service, the gateway and this client, on parcels not measured afterwards.
        run(load, "warm-up direct (not measured)", direct, warmUp, warmUp.size(), false);
        run(load, "warm-up gateway (not measured)", gateway, warmUp, warmUp.size(), false);

        LoadRunner.Result coldD = run(load, "cold (cache miss) direct", direct, coldDirect, COLD_REQUESTS, false);
        LoadRunner.Result coldG = run(load, "cold (cache miss) via gateway", gateway, coldGateway, COLD_REQUESTS, false);

        run(load, "fill the hot set (not measured)", direct, hot, hot.size(), false);
        LoadRunner.Result cachedD = run(load, "cached direct", direct, hot, CACHED_REQUESTS, false);
        LoadRunner.Result cachedG = run(load, "cached via gateway", gateway, hot, CACHED_REQUESTS, false);
        LoadRunner.Result notModD = run(load, "cached, If-None-Match (304) direct", direct, hot, CACHED_REQUESTS, true);
        LoadRunner.Result notModG = run(load, "cached, If-None-Match (304) via gateway", gateway, hot, CACHED_REQUESTS, true);

        System.out.println("[bench] --- gateway's cost (via gateway vs direct, same kind of request)");
        LoadRunner.printRatio("gateway/direct, cold", coldD, coldG);
        LoadRunner.printRatio("gateway/direct, cached", cachedD, cachedG);
        LoadRunner.printRatio("gateway/direct, 304", notModD, notModG);
        System.out.println("[bench] --- the cache's gain (cached vs cold, same path)");
        LoadRunner.printRatio("cached/cold, direct", coldD, cachedD);
        LoadRunner.printRatio("cached/cold, via gateway", coldG, cachedG);
        LoadRunner.printRatio("304/200 cached, direct", cachedD, notModD);
    }

    /** Runs {@code total} look-ups cycling over {@code pnus}; every answer must be the expected status. */
    private static LoadRunner.Result run(LoadRunner load, String name, String base, List<String> pnus, int total,
                                         boolean revalidate) throws Exception {
        String token = Tokens.of(tokenEndpoint, "citizen");
        List<String> etags = new ArrayList<>();
        if (revalidate) {
            for (String pnu : pnus) {
                etags.add(get(base, pnu, token).headers().firstValue("ETag").orElseThrow());
            }
        }
        LoadRunner.Result result = load.run(name, CONCURRENCY, total, RUN_LIMIT, i -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(base + "/api/land/v1/parcels/" + pnus.get(i % pnus.size())))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
            if (revalidate) {
                request.header("If-None-Match", etags.get(i % pnus.size()));
            }
            return request.GET().build();
        });
        int expected = revalidate ? 304 : 200;
        assertEquals(result.requests(), result.count(expected), name + ": every answer is " + expected);
        assertEquals(0, result.failures(), name + ": no failed request");
        return result;
    }

    private static HttpResponse<String> get(String base, String pnu, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/land/v1/parcels/" + pnu))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + (token != null ? token : Tokens.of(tokenEndpoint, "citizen")));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Every PNU of the large seed, in a fixed pseudo-random order (the same in every run). */
    private static List<String> shuffledLargeSeedPnus() {
        List<String> all = new ArrayList<>(DONGS.size() * 1000 * 11);
        for (String dong : DONGS) {
            for (int main = 1; main <= 1000; main++) {
                for (int sub = 0; sub <= 10; sub++) {
                    all.add(dong + (main > 950 ? '2' : '1') + String.format("%04d%04d", main, sub));
                }
            }
        }
        Collections.shuffle(all, new Random(20_000));
        return all;
    }
}

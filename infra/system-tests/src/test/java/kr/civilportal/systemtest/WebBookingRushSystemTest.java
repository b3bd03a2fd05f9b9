package kr.civilportal.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.systemtest.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A booking rush of {@value #SESSIONS} signed-in browsers meets the gateway's waiting room through the citizen pages.
 * The launcher starts PostgreSQL, Keycloak, passport, the gateway and citizen-web
 * (ports shifted by {@value #PORT_OFFSET}, plus {@code -Dportal.port-shift}); passport's capacity at the gateway is
 * lowered to {@value #CAPACITY} in flight and its admission rate to {@value #RATE} per second, so the rush queues.
 *
 * <p>Before the rush (not timed): {@value #SESSIONS} citizens are created in Keycloak, and each one's browser signs in
 * through Keycloak's login page ({@link WebSession}) straight to the pickup booking page of the citizen's passport
 * application, ready for pickup. The rush: all of them send that
 * page's form at once (its hidden fields, CSRF token and Idempotency-Key included) for {@value #SLOTS} slots of
 * {@value #PLACES_PER_SLOT} places, fewer places than browsers; a browser shown the waiting-room page does what one
 * without script does: after the page's Retry-After it presses "check now" (the page's form, the same request
 * again), until the page shows the result. Then: every browser on a result page (booked, or the slot full), no 5xx
 * at any step, most bookings queued, tickets let in in number order (each ticket the page held, as the gateway's
 * ticket API tells it), every slot's bookings in passport's database equal to its places (0 overbooked, none lost),
 * and each booked browser's application booked once, in the slot it chose. Figures in {@code [web-rush]} lines.
 */
class WebBookingRushSystemTest {

    static final int PORT_OFFSET = 2_500;
    static final int SESSIONS = 500;
    /** 10 slots x 40 places: 400 places for 500 browsers, 50 asking for each slot's 40 places. */
    static final int SLOTS = 10;
    static final int PLACES_PER_SLOT = 40;
    static final int CAPACITY = 8;
    static final int RATE = 20;
    /** The gateway's default (portal.gateway.waiting-room.poll-interval): the waiting page's Retry-After. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(3);
    /** Keycloak admin calls at once while the citizens are created. */
    static final int ADMIN_CALLS_AT_ONCE = 4;
    /** Browsers signing in at the same time before the rush (each login is a few requests to three processes). */
    static final int LOGINS_AT_ONCE = 8;
    static final Duration LOGINS_LIMIT = Duration.ofMinutes(5);
    static final Duration JOURNEY_LIMIT = Duration.ofMinutes(4);
    /** What a page may take on this shared 2-core machine during the rush: about admission, not latency. */
    static final Duration SLOW_MACHINE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long a browser waits for a page: longer than the gateway may hold one (its bulkhead wait plus its time-out
     * on the citizen-web route, both {@link #SLOW_MACHINE_TIMEOUT}), so a slow page ends as the gateway's answer, not
     * as the test's impatience (at load 49 on the 2-core machine, 164 result pages took over a minute).
     */
    static final Duration BROWSER_TIMEOUT = SLOW_MACHINE_TIMEOUT.multipliedBy(2).plusSeconds(30);
    static final String OFFICE = "WEB-RUSH-TEST";
    static final String ROUTE = "passport";
    static final String TICKET_COOKIE = "portal-web-ticket-" + ROUTE;
    static final Pattern PLACE = Pattern.compile("id=\"waiting-place\">(\\d+)");
    /** citizen-web's slot-full text (msg_ko appt_err_slot_full), next to the slot field of the form shown again. */
    static final String SLOT_FULL_TEXT = "선택한 시간의 예약이 마감되었습니다";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static Portal portal;
    static PortalOptions options;
    static String gateway;

    @BeforeAll
    static void startPortal() throws Exception {
        long start = System.nanoTime();
        Path work = Files.createDirectories(Path.of("target/web-booking-rush-test").toAbsolutePath());
        String slow = SLOW_MACHINE_TIMEOUT.toSeconds() + "s";
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withReplicas(PortalApp.CITIZEN_WEB, 1)
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.capacity", String.valueOf(CAPACITY))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.routes.passport.admission-rate", String.valueOf(RATE))
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.poll-interval", POLL_INTERVAL.toSeconds() + "s")
                // The test asks the gateway how each ticket was let in once its browser has left the waiting page:
                // a pass longer than the default minute, so a browser slowed by the loaded machine still finds it.
                // And a browser pressing "check now" every 3 s keeps its place even if a page takes long here.
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.pass-validity", "3m")
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.waiting-room.abandon-after", "2m")
                // The machine is shared with other builds: a booking or a page may take seconds, and the rush sends
                // 500 pages in the same second (real browsers spread over seconds). Time-outs and bulkhead waits
                // generous on the way (gateway -> citizen-web -> gateway -> passport), since this test is about
                // admission, not latency; with the defaults a slow page is a 504 or a bulkhead's 503, which says
                // nothing about the waiting room.
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.passport.timeout", slow)
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.passport.bulkhead.max-wait", slow)
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.citizen-web.timeout", slow)
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.routes.citizen-web.bulkhead.max-wait", slow)
                // The readiness probe that keeps a replica in rotation: with 5 s, citizen-web (one replica) busy with
                // the rush answered its probe too late once, left the rotation, and one page was the fallback 503.
                .withAppConfig(PortalApp.GATEWAY, "portal.gateway.status.probe-timeout", "30s")
                // The gateway's pool wait queue is its shipped default (100). With the old 20, 447 of 500 forms sent
                // at once got the fallback page: one event loop's pool refused what the bulkhead had let in, and the
                // refusals opened citizen-web's circuit (found by this test; fixed in the gateway's defaults).
                .withAppConfig(PortalApp.CITIZEN_WEB, "quarkus.rest-client.read-timeout",
                        String.valueOf(SLOW_MACHINE_TIMEOUT.toMillis()))
                .withAppConfig(PortalApp.CITIZEN_WEB, "quarkus.datasource.jdbc.acquisition-timeout", "60s")
                .withAppConfig(PortalApp.PASSPORT, "quarkus.datasource.jdbc.acquisition-timeout", "60s");
        // The per-client rate limit is left as it is: each browser is its own citizen, sending a few requests a
        // minute (the launcher's dev profile has limits far above that anyway).
        portal = Portal.startInfrastructure(options, line -> System.out.println("[portal] " + line));
        portal.start(PortalApp.PASSPORT);
        portal.start(PortalApp.CITIZEN_WEB);
        portal.start(PortalApp.GATEWAY);
        portal.awaitKeycloak();
        gateway = options.gatewayUrl().replace("localhost", "127.0.0.1");
        System.out.println("[web-rush] portal started in " + millisSince(start) + " ms");
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    /** A citizen created for the rush: user name (also the password) and Keycloak id (the tokens' subject). */
    record Citizen(String user, String subject) {
    }

    /** One browser: who it is, its application, the slot it will ask for, its booking form. */
    record Browser(int index, String user, UUID application, UUID slot, WebSession session, WebSession.Form form) {
    }

    /** A ticket the browser held, as the gateway's ticket API told it after the browser left the waiting page. */
    record TicketSeen(String ticket, long number, boolean admitted, Instant admittedAt, String answer) {
    }

    /** How one browser's booking went. */
    record Journey(Browser browser, String outcome, int finalStatus, boolean bookingQueued, int waitingPages,
                   Integer firstPlace, List<TicketSeen> tickets, long millis, String detail) {
        boolean booked() {
            return "booked".equals(outcome);
        }

        boolean slotFull() {
            return "slot-full".equals(outcome);
        }
    }

    @Test
    void aRushOf500BrowsersBookingPickupSlotsIsQueuedInOrderWithoutOverbookingOr5xx() throws Exception {
        long createStart = System.nanoTime();
        List<Citizen> citizens = createCitizens();
        System.out.printf("[web-rush] %d citizens created through Keycloak's admin API in %d ms%n", citizens.size(),
                millisSince(createStart));
        List<UUID> slots = new ArrayList<>();
        List<UUID> applications = new ArrayList<>();
        prepare(citizens, slots, applications);

        // Before the rush: every browser signs in on its own booking page (the login page, then back to it).
        HttpClient shared = WebSession.newClient();
        Map<Integer, LongAdder> loginStatuses = new ConcurrentHashMap<>();
        long loginsStart = System.nanoTime();
        List<Browser> browsers = new ArrayList<>();
        try (ExecutorService logins = Executors.newFixedThreadPool(LOGINS_AT_ONCE)) {
            List<Future<Browser>> all = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                int index = i;
                all.add(logins.submit(() -> signIn(index, citizens.get(index).user(), applications.get(index),
                        slots.get(index % SLOTS), shared, loginStatuses)));
            }
            for (Future<Browser> f : all) {
                browsers.add(f.get(LOGINS_LIMIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
        long loginMillis = millisSince(loginsStart);
        System.out.printf("[web-rush] %d browsers signed in through Keycloak's login page on their booking pages in "
                + "%d ms (%d at a time); answers %s%n", browsers.size(), loginMillis, LOGINS_AT_ONCE, counts(loginStatuses));

        // The rush: every browser sends its booking form at once.
        Map<Integer, LongAdder> rushStatuses = new ConcurrentHashMap<>();
        browsers.forEach(b -> b.session().onAnswer(s -> rushStatuses.computeIfAbsent(s, k -> new LongAdder()).increment()));
        CountDownLatch go = new CountDownLatch(1);
        List<Journey> journeys = new ArrayList<>();
        long rushStart;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Journey>> all = new ArrayList<>();
            for (Browser b : browsers) {
                all.add(pool.submit(() -> {
                    go.await();
                    return journey(b);
                }));
            }
            rushStart = System.nanoTime();
            go.countDown();
            for (Future<Journey> f : all) {
                journeys.add(f.get(JOURNEY_LIMIT.toSeconds() + 60, TimeUnit.SECONDS));
            }
        }
        double rushSeconds = (System.nanoTime() - rushStart) / 1e9;

        // The figures.
        List<Journey> notOnResult = journeys.stream().filter(j -> !j.booked() && !j.slotFull()).toList();
        long booked = journeys.stream().filter(Journey::booked).count();
        long full = journeys.stream().filter(Journey::slotFull).count();
        long queued = journeys.stream().filter(Journey::bookingQueued).count();
        long metWaitingRoom = journeys.stream().filter(j -> j.waitingPages() > 0).count();
        int mostPages = journeys.stream().mapToInt(Journey::waitingPages).max().orElse(0);
        int deepestPlace = journeys.stream().map(Journey::firstPlace).filter(p -> p != null).mapToInt(p -> p).max().orElse(0);
        List<TicketSeen> tickets = journeys.stream().flatMap(j -> j.tickets().stream()).toList();
        List<TicketSeen> notAdmitted = tickets.stream().filter(t -> !t.admitted()).toList();
        List<TicketSeen> admitted = tickets.stream().filter(TicketSeen::admitted)
                .sorted(Comparator.comparingLong(TicketSeen::number)).toList();
        Set<Long> numbers = new LinkedHashSet<>();
        admitted.forEach(t -> numbers.add(t.number()));
        List<String> outOfOrder = new ArrayList<>();
        Instant latest = Instant.MIN;
        long latestNumber = -1;
        for (TicketSeen t : admitted) {
            if (t.admittedAt().isBefore(latest)) {
                outOfOrder.add("#" + t.number() + " at " + t.admittedAt() + " before #" + latestNumber + " at " + latest);
            } else {
                latest = t.admittedAt();
                latestNumber = t.number();
            }
        }
        double admissionSpan = admitted.size() < 2 ? 0
                : Duration.between(admitted.stream().map(TicketSeen::admittedAt).min(Comparator.naturalOrder()).orElseThrow(),
                        admitted.stream().map(TicketSeen::admittedAt).max(Comparator.naturalOrder()).orElseThrow()).toMillis() / 1000.0;
        long serverErrors = fiveHundreds(rushStatuses);
        long loginServerErrors = fiveHundreds(loginStatuses);
        List<Long> millis = journeys.stream().map(Journey::millis).sorted().toList();
        Slots inDatabase = slots(slots);
        List<String> bookingMismatches = bookingMismatches(journeys);
        Map<UUID, Long> demand = new TreeMap<>();
        browsers.forEach(b -> demand.merge(b.slot(), 1L, Long::sum));

        System.out.printf("[web-rush] rush: %d browsers sent the booking form at once, all done in %.1f s (page to "
                        + "result p50 %d ms, max %d ms); booked %d, slot full %d, not on a result page %d%n",
                SESSIONS, rushSeconds, percentile(millis, 50), percentile(millis, 100), booked, full, notOnResult.size());
        System.out.printf("[web-rush] waiting room (capacity %d in flight, %d let in per second): %d bookings queued "
                        + "(%d browsers met the waiting page at some step, up to %d waiting pages each, deepest place "
                        + "shown %d); %d tickets, %d distinct numbers, let in over %.1f s (%.1f per second); order "
                        + "violations %d; tickets not let in %d%n",
                CAPACITY, RATE, queued, metWaitingRoom, mostPages, deepestPlace, tickets.size(), numbers.size(),
                admissionSpan, admissionSpan == 0 ? 0 : (admitted.size() - 1) / admissionSpan, outOfOrder.size(),
                notAdmitted.size());
        System.out.printf("[web-rush] answers during the rush %s (5xx %d); during the logins 5xx %d%n",
                counts(rushStatuses), serverErrors, loginServerErrors);
        System.out.printf("[web-rush] passport's database: %d bookings in %d slots of %d places (asked for by %s "
                        + "browsers); per slot %s; overbooked slots %d, slots not filled %d, counter mismatches %d; "
                        + "browsers whose booking is not as their page said %d%n",
                inDatabase.bookings(), SLOTS, PLACES_PER_SLOT, demand.values(), inDatabase.perSlot(),
                inDatabase.overbooked(), inDatabase.notFilled(), inDatabase.counterMismatches(), bookingMismatches.size());

        assertEquals(List.of(), notOnResult.stream().map(j -> "#" + j.browser().index() + " " + j.outcome() + " "
                + j.finalStatus() + " " + j.detail()).limit(10).toList(), "every browser ends on a result page");
        assertEquals(0, serverErrors, "no 5xx during the rush: " + counts(rushStatuses));
        assertEquals(0, loginServerErrors, "no 5xx while signing in: " + counts(loginStatuses));
        assertTrue(queued > SESSIONS / 2, "the rush was queued (else this shows nothing): " + queued + " of " + SESSIONS);
        assertEquals(List.of(), notAdmitted.stream().limit(10).toList(), "every ticket a browser held was let in");
        assertEquals(admitted.size(), numbers.size(), "no ticket number given twice");
        assertEquals(List.of(), outOfOrder.stream().limit(10).toList(), "tickets let in in number order");
        assertEquals(0, inDatabase.overbooked(), "no slot overbooked: " + inDatabase.perSlot());
        assertEquals(0, inDatabase.counterMismatches(), "each slot's counter equals its bookings: " + inDatabase.perSlot());
        assertEquals(0, inDatabase.notFilled(), "every slot asked for by more browsers than places is full (none lost): "
                + inDatabase.perSlot());
        assertEquals((long) SLOTS * PLACES_PER_SLOT, inDatabase.bookings(), "every place booked once");
        assertEquals(inDatabase.bookings(), booked, "as many 'booked' pages as bookings");
        assertEquals(List.of(), bookingMismatches.stream().limit(10).toList(),
                "each booked browser's application booked once, in its slot; none for a 'slot full' page");
    }

    /** Signs one browser in on its booking page (following the waiting page, should a page load meet it). */
    static Browser signIn(int index, String user, UUID application, UUID slot, HttpClient shared,
                          Map<Integer, LongAdder> statuses) throws Exception {
        WebSession session = new WebSession(gateway, shared).timeout(BROWSER_TIMEOUT)
                .onAnswer(s -> statuses.computeIfAbsent(s, k -> new LongAdder()).increment());
        Page page = session.login("/my/appointments/" + application, user, user);
        long deadline = System.nanoTime() + JOURNEY_LIMIT.toNanos();
        while (page.isWaitingRoom() && System.nanoTime() < deadline) {
            pauseAsThePageSays(page);
            page = session.submit(page.form("waiting-resume"), Map.of());
        }
        if (!page.isNormalPage()) {
            throw new AssertionError(user + " #" + index + " not on the booking page after the login: " + page);
        }
        WebSession.Form form = page.form("book-appointment");
        if (!form.radioValues("slotId").contains(slot.toString())) {
            throw new AssertionError("The booking page of #" + index + " does not offer slot " + slot + ": " + page);
        }
        return new Browser(index, user, application, slot, session, form);
    }

    /** The booking form sent, then the waiting page's "check now" as a browser without script, until a result. */
    static Journey journey(Browser b) {
        long start = System.nanoTime();
        long deadline = start + JOURNEY_LIMIT.toNanos();
        int waitingPages = 0;
        boolean bookingQueued = false;
        Integer firstPlace = null;
        Set<String> held = new LinkedHashSet<>();
        Page page;
        try {
            page = b.session().submit(b.form(), Map.of("slotId", b.slot().toString()));
            // Queued is the booking's own POST on the waiting page; a GET there is the result page queued after it.
            bookingQueued = page.isWaitingRoom() && page.form("waiting-resume").method().equals("post");
            while (page.isWaitingRoom()) {
                waitingPages++;
                if (firstPlace == null) {
                    Matcher m = PLACE.matcher(page.body());
                    firstPlace = m.find() ? Integer.valueOf(m.group(1)) : null;
                }
                b.session().cookie(TICKET_COOKIE).ifPresent(held::add);
                if (System.nanoTime() > deadline) {
                    return new Journey(b, "still waiting", page.status(), bookingQueued, waitingPages, firstPlace,
                            tickets(held), millisSince(start), "after " + JOURNEY_LIMIT);
                }
                pauseAsThePageSays(page);
                page = b.session().submit(page.form("waiting-resume"), Map.of());
            }
        } catch (Exception e) {
            return new Journey(b, "no page", 0, bookingQueued, waitingPages, firstPlace, tickets(held),
                    millisSince(start), e.toString());
        }
        String outcome = page.status() == 200 && page.body().contains("id=\"booked\"") ? "booked"
                : page.status() == 409 && page.body().contains("id=\"slotId-error\"") && page.body().contains(SLOT_FULL_TEXT)
                ? "slot-full" : "other page";
        return new Journey(b, outcome, page.status(), bookingQueued, waitingPages, firstPlace, tickets(held),
                millisSince(start), outcome.equals("other page") ? page.toString() : "");
    }

    /** Each ticket's number and admission, from the gateway's ticket API (what the page's own poll reads). */
    static List<TicketSeen> tickets(Set<String> held) {
        List<TicketSeen> seen = new ArrayList<>();
        for (String ticket : held) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/waiting-room/tickets/"
                                + URLEncoder.encode(ticket, StandardCharsets.UTF_8))).timeout(SLOW_MACHINE_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    seen.add(new TicketSeen(ticket, -1, false, null, r.statusCode() + " " + r.body()));
                    continue;
                }
                JsonNode view = JSON.readTree(r.body());
                boolean in = view.path("admitted").asBoolean();
                seen.add(new TicketSeen(ticket, view.path("number").asLong(), in,
                        in ? Instant.parse(view.path("admittedAt").asText()) : null, in ? "" : r.body()));
            } catch (Exception e) {
                seen.add(new TicketSeen(ticket, -1, false, null, e.toString()));
            }
        }
        return seen;
    }

    /** A person without script waits as long as the waiting page says (its Retry-After) before "check now". */
    static void pauseAsThePageSays(Page page) throws InterruptedException {
        long seconds = page.headers() == null ? POLL_INTERVAL.toSeconds()
                : page.headers().firstValue("Retry-After").map(Long::parseLong).orElse(POLL_INTERVAL.toSeconds());
        Thread.sleep(Duration.ofSeconds(seconds));
    }

    /** Passport's fixtures: the test office's slots, and an application ready for pickup per browser. */
    static void prepare(List<Citizen> citizens, List<UUID> slots, List<UUID> applications) throws SQLException {
        try (Connection c = passportDb()) {
            PickupFixtures.Seeded seeded = PickupFixtures.seed(c, OFFICE, "시험 여권민원실 (web rush)", SLOTS, 0,
                    PLACES_PER_SLOT, citizens.stream().map(Citizen::subject).toList());
            slots.addAll(seeded.slots());
            applications.addAll(seeded.applications());
        }
    }

    record Slots(long bookings, long overbooked, long notFilled, long counterMismatches, List<String> perSlot) {
    }

    /** Each rush slot in passport's database: its places, its counter, its booking rows. */
    static Slots slots(List<UUID> slots) throws SQLException {
        long bookings = 0;
        long overbooked = 0;
        long notFilled = 0;
        long mismatches = 0;
        List<String> perSlot = new ArrayList<>();
        try (Connection c = passportDb();
             PreparedStatement s = c.prepareStatement("""
                     SELECT s.capacity, s.booked, (SELECT count(*) FROM pickup_booking b WHERE b.slot_id = s.id)
                     FROM pickup_slot s WHERE s.id = ?""")) {
            for (UUID slot : slots) {
                s.setObject(1, slot);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long places = r.getLong(1);
                    long counter = r.getLong(2);
                    long rows = r.getLong(3);
                    bookings += rows;
                    overbooked += rows > places ? 1 : 0;
                    // Every slot is asked for by more browsers than it has places: full, or a booking was lost.
                    notFilled += rows < places ? 1 : 0;
                    mismatches += counter != rows ? 1 : 0;
                    perSlot.add(rows + "/" + places);
                }
            }
        }
        return new Slots(bookings, overbooked, notFilled, mismatches, perSlot);
    }

    /** Browsers whose application's booking in passport's database is not what their result page said. */
    static List<String> bookingMismatches(List<Journey> journeys) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        try (Connection c = passportDb();
             PreparedStatement s = c.prepareStatement(
                     "SELECT slot_id, count(*) OVER () FROM pickup_booking WHERE application_id = ?")) {
            for (Journey j : journeys) {
                s.setObject(1, j.browser().application());
                Optional<UUID> slot = Optional.empty();
                long rows = 0;
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        slot = Optional.of(r.getObject(1, UUID.class));
                        rows = r.getLong(2);
                    }
                }
                if (j.booked() && (rows != 1 || !slot.get().equals(j.browser().slot()))) {
                    mismatches.add("#" + j.browser().index() + " booked page, database " + rows + " in " + slot);
                } else if (j.slotFull() && rows != 0) {
                    mismatches.add("#" + j.browser().index() + " slot-full page, database " + rows + " in " + slot);
                }
            }
        }
        return mismatches;
    }

    /**
     * {@value #SESSIONS} citizens, one per browser, as a rush has them: many people, each signing in once (hundreds of
     * logins of the two demo citizens within seconds are what Keycloak's brute-force detection stops: logins of one
     * user less than a second apart count as failures, and it locked both out after a few dozen). Created through the
     * admin API of this throw-away Keycloak; the realm's default role gains "citizen" (what passport asks of a
     * citizen's token), and the password policy a cheap hash, so that 500 creations and 500 logins do not take
     * minutes of the shared machine's CPU (as in BookingRushBenchmark).
     */
    static List<Citizen> createCitizens() throws Exception {
        String realm = portal.keycloak().url() + "/admin/realms/portal";
        String admin = adminToken();
        admin(HttpRequest.newBuilder(URI.create(realm)).header("Authorization", "Bearer " + admin)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"passwordPolicy\":\"hashIterations(1)\"}")), 204);
        String citizenRole = admin(HttpRequest.newBuilder(URI.create(realm + "/roles/citizen"))
                .header("Authorization", "Bearer " + admin).GET(), 200).body();
        JsonNode defaults = JSON.readTree(admin(HttpRequest.newBuilder(URI.create(realm + "/roles/default-roles-portal"))
                .header("Authorization", "Bearer " + admin).GET(), 200).body());
        admin(HttpRequest.newBuilder(URI.create(realm + "/roles-by-id/" + defaults.get("id").asText() + "/composites"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("[" + citizenRole + "]")), 204);
        List<Citizen> citizens = new ArrayList<>();
        try (ExecutorService calls = Executors.newFixedThreadPool(ADMIN_CALLS_AT_ONCE)) {
            List<Future<Citizen>> all = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String user = "web-rush-%04d".formatted(i);
                all.add(calls.submit(() -> {
                    HttpResponse<String> created = admin(HttpRequest.newBuilder(URI.create(realm + "/users"))
                            .header("Authorization", "Bearer " + adminToken())
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"username":"%s","enabled":true,"emailVerified":true,"email":"%s@rush.civilportal.kr",
                                     "firstName":"예약","lastName":"시민",
                                     "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                                    .formatted(user, user, user))), 201);
                    String location = created.headers().firstValue("Location").orElseThrow();
                    return new Citizen(user, location.substring(location.lastIndexOf('/') + 1));
                }));
            }
            for (Future<Citizen> f : all) {
                citizens.add(f.get(LOGINS_LIMIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
        return citizens;
    }

    private static String adminToken;
    private static long adminTokenAt;

    /** The master realm's admin token lives a minute: fetched again when half of that has passed. */
    static synchronized String adminToken() throws Exception {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofSeconds(30).toNanos()) {
            HttpResponse<String> r = admin(HttpRequest.newBuilder(URI.create(portal.keycloak().url()
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin")), 200);
            adminToken = JSON.readTree(r.body()).get("access_token").asText();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    static HttpResponse<String> admin(HttpRequest.Builder request, int expected) throws Exception {
        if (request.build().headers().firstValue("Content-Type").isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.timeout(SLOW_MACHINE_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static Connection passportDb() throws SQLException {
        return DriverManager.getConnection(portal.database().jdbcUrl("passport"), "passport",
                Portal.devPassword(PortalApp.PASSPORT));
    }

    static Map<Integer, Long> counts(Map<Integer, LongAdder> statuses) {
        Map<Integer, Long> m = new TreeMap<>();
        statuses.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    static long fiveHundreds(Map<Integer, LongAdder> statuses) {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().sum()).sum();
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

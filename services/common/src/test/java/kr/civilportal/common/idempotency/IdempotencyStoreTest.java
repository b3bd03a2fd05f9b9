package kr.civilportal.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store against a real PostgreSQL server (zonky, no Docker), with the DDL exactly as shipped. Each
 * "request" runs in its own transaction on its own connection, as a JTA-enlisted connection would.
 */
class IdempotencyStoreTest {

    private static final String SCOPE = IdempotencyScope.anonymous("test");
    private static final Duration WAIT = Duration.ofSeconds(30);
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        try (InputStream ddl = IdempotencyStore.class.getResourceAsStream("idempotency_key.sql");
             Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One request: a transaction around execute(), with a business row written by the action. */
    private static IdempotentResponse request(Clock clock, String key, String body, InProgressPolicy policy,
                                              Runnable duringAction) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            IdempotencyStore store = new IdempotencyStore(single(c), clock, Duration.ofHours(24), WAIT);
            try {
                IdempotentResponse r = store.execute(SCOPE, new IdempotencyKey(key),
                        RequestFingerprint.of("POST", "/things", body.getBytes(StandardCharsets.UTF_8)), policy, () -> {
                            String id = UUID.randomUUID().toString();
                            try (Statement s = c.createStatement()) {
                                s.execute("CREATE TABLE IF NOT EXISTS thing (id text PRIMARY KEY, k text)");
                                s.execute("INSERT INTO thing VALUES ('" + id + "', '" + key + "')");
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                            duringAction.run();
                            return new StoredResponse(201, "application/json", "/things/" + id,
                                    ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
                        });
                c.commit();
                return r;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static IdempotentResponse request(String key, String body) throws SQLException {
        return request(Clock.systemUTC(), key, body, InProgressPolicy.REJECT, () -> { });
    }

    private static long things(String key) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM thing WHERE k = '" + key + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aRepeatReplaysTheFirstStatusAndBodyAndCreatesNothing() throws SQLException {
        String key = UUID.randomUUID().toString();
        IdempotentResponse first = request(key, "{\"a\":1}");
        IdempotentResponse again = request(key, "{\"a\":1}");
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.response(), again.response());
        assertArrayEquals(first.response().body(), again.response().body());
        assertEquals(1, things(key));
    }

    @Test
    void theSameKeyWithAnotherPayloadIs422AndChangesNothing() throws SQLException {
        String key = UUID.randomUUID().toString();
        request(key, "{\"a\":1}");
        ProblemException e = assertThrows(ProblemException.class, () -> request(key, "{\"a\":2}"));
        assertEquals(422, e.problem().status());
        assertEquals("urn:civilportal:problem:idempotency-key-reused", e.problem().type().toString());
        assertEquals(1, things(key));
    }

    @Test
    void aRepeatDuringTheFirstGets409UnderTheDefaultPolicyAndTheReplayUnderWait() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<IdempotentResponse> first = CompletableFuture.supplyAsync(() -> {
            try {
                return request(Clock.systemUTC(), key, "{}", InProgressPolicy.REJECT, () -> {
                    firstInside.countDown();
                    await(release);
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstInside.await(60, TimeUnit.SECONDS));

        ProblemException busy = assertThrows(ProblemException.class, () -> request(key, "{}"));
        assertEquals(409, busy.problem().status());

        CompletableFuture<IdempotentResponse> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return request(Clock.systemUTC(), key, "{}", InProgressPolicy.WAIT, () -> { });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(waiter.isDone(), "the waiter cannot finish while the first holds the key");
        release.countDown();
        IdempotentResponse firstResponse = first.get(60, TimeUnit.SECONDS);
        IdempotentResponse replay = waiter.get(60, TimeUnit.SECONDS);
        assertTrue(replay.replayed());
        assertEquals(firstResponse.response(), replay.response());
        assertEquals(1, things(key));
    }

    @Test
    void aFirstThatRolledBackLeavesNothingBehindAndTheRetryRuns() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> request(Clock.systemUTC(), key, "{}", InProgressPolicy.WAIT,
                () -> { throw new IllegalStateException("crash"); }));
        assertEquals(0, things(key));
        IdempotentResponse retry = request(Clock.systemUTC(), key, "{}", InProgressPolicy.WAIT, () -> { });
        assertFalse(retry.replayed());
        assertEquals(1, things(key));
    }

    @Test
    void manyConcurrentRetriesUnderWaitCreateOneThingAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicInteger ran = new AtomicInteger();
        var futures = new java.util.ArrayList<CompletableFuture<IdempotentResponse>>();
        for (int i = 0; i < 8; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return request(Clock.systemUTC(), key, "{}", InProgressPolicy.WAIT, ran::incrementAndGet);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        StoredResponse expected = null;
        for (var f : futures) {
            StoredResponse r = f.get(60, TimeUnit.SECONDS).response();
            if (expected == null) {
                expected = r;
            }
            assertEquals(expected, r);
        }
        assertEquals(1, ran.get());
        assertEquals(1, things(key));
    }

    @Test
    void keysAreKeptAtLeast24HoursThenForgotten() throws SQLException {
        String key = UUID.randomUUID().toString();
        Instant t0 = Instant.now();
        request(Clock.fixed(t0, ZoneOffset.UTC), key, "{}", InProgressPolicy.REJECT, () -> { });
        Clock almostADay = Clock.fixed(t0.plus(Duration.ofHours(24)).minusSeconds(1), ZoneOffset.UTC);
        assertTrue(request(almostADay, key, "{}", InProgressPolicy.REJECT, () -> { }).replayed());
        Clock later = Clock.fixed(t0.plus(Duration.ofHours(24)).plusSeconds(1), ZoneOffset.UTC);
        assertFalse(request(later, key, "{}", InProgressPolicy.REJECT, () -> { }).replayed());
        assertEquals(2, things(key));
        assertThrows(IllegalArgumentException.class,
                () -> new IdempotencyStore(single(null), Clock.systemUTC(), Duration.ofHours(23), WAIT));
    }

    @Test
    void thePurgeDeletesOnlyExpiredKeysInBatches() throws SQLException {
        Instant t0 = Instant.now();
        String[] old = new String[5];
        for (int i = 0; i < old.length; i++) {
            old[i] = UUID.randomUUID().toString();
            request(Clock.fixed(t0.minus(Duration.ofHours(30)), ZoneOffset.UTC), old[i], "{}", InProgressPolicy.REJECT,
                    () -> { });
        }
        String young = UUID.randomUUID().toString();
        request(Clock.fixed(t0.minus(Duration.ofHours(23)), ZoneOffset.UTC), young, "{}", InProgressPolicy.REJECT,
                () -> { });
        IdempotencyStore store = new IdempotencyStore(postgres.getPostgresDatabase(), Clock.fixed(t0, ZoneOffset.UTC),
                Duration.ofHours(24), WAIT);
        // Batches of 2: the loop goes on until a batch comes back short (other tests' keys may expire too).
        assertTrue(store.purgeExpired(2) >= old.length);
        assertEquals(0, keys(old));
        assertEquals(1, keys(young), "a key younger than 24 hours is kept");
        assertTrue(request(Clock.fixed(t0, ZoneOffset.UTC), young, "{}", InProgressPolicy.REJECT, () -> { }).replayed());
        assertEquals(0, store.purgeExpired(2), "nothing left to purge");
        assertThrows(IllegalArgumentException.class, () -> store.purgeExpired(0));
    }

    private static long keys(String... keys) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var s = c.prepareStatement("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", keys));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void outsideATransactionItRefusesToRun() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(true);
            IdempotencyStore store = new IdempotencyStore(single(c), Clock.systemUTC(), Duration.ofHours(24), WAIT);
            assertThrows(IllegalStateException.class, () -> store.execute(SCOPE, new IdempotencyKey("k"), "f",
                    InProgressPolicy.REJECT, () -> new StoredResponse(200, null, null, new byte[0])));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A DataSource handing out the transaction's one connection, whose close() is left to the test. */
    private static DataSource single(Connection connection) {
        Connection handle = connection == null ? null : (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    if (m.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return m.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            public Connection getConnection() {
                return handle;
            }

            public Connection getConnection(String u, String p) {
                return handle;
            }

            public PrintWriter getLogWriter() {
                return null;
            }

            public void setLogWriter(PrintWriter out) {
            }

            public void setLoginTimeout(int seconds) {
            }

            public int getLoginTimeout() {
                return 0;
            }

            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            public <T> T unwrap(Class<T> iface) {
                return null;
            }

            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}

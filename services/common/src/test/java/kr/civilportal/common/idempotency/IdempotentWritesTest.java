package kr.civilportal.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The services' side of the mechanism, without a database: what is keyed, and what a write without a key does. */
class IdempotentWritesTest {

    /** A store whose database must not be touched: every use of it fails the test. */
    private static final DataSource UNTOUCHABLE = (DataSource) Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
                throw new AssertionError("the database was used for a write without a key");
            });
    private final IdempotentWrites writes = new IdempotentWrites(
            new IdempotencyStore(UNTOUCHABLE, Clock.systemUTC(), Duration.ofHours(25), Duration.ofSeconds(1)),
            new ObjectMapper());

    record Choice(String kind, int pages) {
    }

    @Test
    void withoutAKeyTheWriteSimplyRunsEachTime() {
        AtomicInteger runs = new AtomicInteger();
        KeyedRequest request = writes.request("sub:citizen", null, "POST", "/x", new Choice("NEW", 58));
        for (int i = 0; i < 2; i++) {
            IdempotentResponse answer = writes.execute(request, InProgressPolicy.REJECT,
                    () -> writes.json(201, URI.create("/x/" + runs.incrementAndGet()), new Choice("NEW", 58)));
            assertFalse(answer.replayed());
        }
        assertEquals(2, runs.get());
    }

    @Test
    void aMalformedKeyIsA400AndAMissingRequiredOneToo() {
        ProblemException malformed = assertThrows(ProblemException.class,
                () -> writes.request("sub:citizen", "two words", "POST", "/x", null));
        assertEquals(IdempotencyProblems.KEY_INVALID.uri(), malformed.problem().type());
        ProblemException missing = assertThrows(ProblemException.class,
                () -> KeyedRequest.requiring("sub:citizen", null, "f".repeat(64)));
        assertEquals(IdempotencyProblems.KEY_MISSING.uri(), missing.problem().type());
    }

    @Test
    void theFingerprintCoversMethodPathAndBody() {
        String key = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"";
        String first = writes.request("sub:a", key, "POST", "/x", new Choice("NEW", 58)).fingerprint();
        assertEquals(first, writes.request("sub:a", key, "POST", "/x", new Choice("NEW", 58)).fingerprint());
        assertNotEquals(first, writes.request("sub:a", key, "POST", "/x", new Choice("NEW", 26)).fingerprint());
        assertNotEquals(first, writes.request("sub:a", key, "POST", "/y", new Choice("NEW", 58)).fingerprint());
        assertNotEquals(first, writes.request("sub:a", key, "DELETE", "/x", new Choice("NEW", 58)).fingerprint());
        // Raw bytes (a photo) are taken as they are, not written as JSON.
        assertEquals(RequestFingerprint.of("PUT", "/p", new byte[] {1, 2, 3}),
                writes.request("sub:a", key, "PUT", "/p", new byte[] {1, 2, 3}).fingerprint());
    }

    @Test
    void anAnswerWithoutABodyIsReplayedWithoutOne() {
        Response replay = new IdempotentResponse(StoredResponse.withoutBody(204), true).toResponse();
        assertEquals(204, replay.getStatus());
        assertFalse(replay.hasEntity());
        assertEquals("true", replay.getHeaderString(IdempotentResponse.REPLAYED_HEADER));
        Response first = new IdempotentResponse(writes.json(201, URI.create("/x/1"), new Choice("NEW", 58)), false)
                .toResponse();
        assertEquals(URI.create("/x/1"), first.getLocation());
        assertNull(first.getHeaderString(IdempotentResponse.REPLAYED_HEADER));
        assertArrayEquals("{\"kind\":\"NEW\",\"pages\":58}".getBytes(), (byte[]) first.getEntity());
    }
}

package kr.civilportal.common.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import org.junit.jupiter.api.Test;

/** How every verification endpoint answers under the guessing limit (진위확인 조회 제한). */
class GuessingLimiterTest {

    static final String PATH = "/api/residency/v1/verifications/1234-5678-9012-3452";
    static final ProblemType NOT_ISSUED = new ProblemType("certificate-not-issued", "No such certificate", 404);

    final GuessingLimiter limiter = new GuessingLimiter(2, Duration.ofHours(1), 1000);
    final AtomicInteger lookUps = new AtomicInteger();

    Object genuine() {
        lookUps.incrementAndGet();
        return "genuine";
    }

    Object notIssued() {
        lookUps.incrementAndGet();
        throw new ProblemException(NOT_ISSUED, "No certificate was issued with this number.", "발급된 증명서가 없습니다.");
    }

    @Test
    void genuineLookUpsAnswer200AndCostNothing() {
        for (int i = 0; i < 10; i++) {
            Response answer = limiter.verify("203.0.113.7", PATH, this::genuine);
            assertEquals(200, answer.getStatus());
            assertEquals("genuine", answer.getEntity());
        }
    }

    @Test
    void missesAreRefusedAsTheyAreUntilTheAllowanceIsSpentThen429WithoutLookingAgain() {
        ProblemException first = assertThrows(ProblemException.class, () -> limiter.verify("203.0.113.7", PATH, this::notIssued));
        assertEquals(404, first.problem().status());
        assertThrows(ProblemException.class, () -> limiter.verify("203.0.113.7", PATH, this::notIssued));

        // Both misses spent: every look-up is refused before it is made (a PDF's signature is not even checked),
        // a genuine number's too.
        Response third = limiter.verify("203.0.113.7", PATH, this::notIssued);
        assertEquals(429, third.getStatus());
        Response genuine = limiter.verify("203.0.113.7", PATH, this::genuine);
        assertEquals(429, genuine.getStatus());
        assertEquals(2, lookUps.get());
        // Another address is not affected.
        assertEquals(200, limiter.verify("198.51.100.20", PATH, this::genuine).getStatus());
    }

    @Test
    void aServiceFaultIsNotCountedAsAMiss() {
        ProblemType unavailable = new ProblemType("service-unavailable", "Service unavailable", 503);
        for (int i = 0; i < 5; i++) {
            assertThrows(ProblemException.class, () -> limiter.verify("203.0.113.7", PATH, () -> {
                throw new ProblemException(unavailable, "The time-stamp authority did not answer.", "응답이 없습니다.");
            }));
        }
        assertEquals(200, limiter.verify("203.0.113.7", PATH, this::genuine).getStatus());
    }
}

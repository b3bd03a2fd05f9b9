package kr.civilportal.common.idempotency;

import java.util.Optional;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;

/** The problem types of the mechanism, stable for clients to switch on. */
public final class IdempotencyProblems {

    public static final ProblemType KEY_MISSING =
            new ProblemType("idempotency-key-missing", "Idempotency-Key required", 400);
    public static final ProblemType KEY_INVALID =
            new ProblemType("idempotency-key-invalid", "Idempotency-Key malformed", 400);
    public static final ProblemType KEY_REUSED =
            new ProblemType("idempotency-key-reused", "Idempotency-Key used for another request", 422);
    public static final ProblemType IN_PROGRESS =
            new ProblemType("idempotency-request-in-progress", "The first request with this key is still running", 409);

    private IdempotencyProblems() {
    }

    /** The header's key: empty when there is no header; a 400 problem when there is one but it is not a usable key. */
    public static Optional<IdempotencyKey> keyFrom(String header) {
        try {
            return IdempotencyKey.fromHeader(header);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    public static ProblemException missing() {
        return new ProblemException(KEY_MISSING, "This request needs an Idempotency-Key header (a random UUID).",
                "이 요청에는 Idempotency-Key 헤더(임의의 UUID)가 필요합니다.");
    }

    public static ProblemException invalid(String why) {
        return new ProblemException(KEY_INVALID, why, "Idempotency-Key 헤더 형식이 올바르지 않습니다.");
    }

    public static ProblemException reused() {
        return new ProblemException(KEY_REUSED,
                "This Idempotency-Key was already used for a different request; use a new key for a new request.",
                "이 Idempotency-Key는 다른 요청에 이미 사용되었습니다. 새 요청에는 새 키를 사용해 주세요.");
    }

    public static ProblemException inProgress() {
        return new ProblemException(IN_PROGRESS,
                "The first request with this Idempotency-Key is still being processed; retry shortly.",
                "같은 Idempotency-Key의 첫 요청을 처리하고 있습니다. 잠시 후 다시 시도해 주세요.");
    }
}

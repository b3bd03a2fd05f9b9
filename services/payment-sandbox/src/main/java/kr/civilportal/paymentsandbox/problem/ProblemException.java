package kr.civilportal.paymentsandbox.problem;

import java.util.List;

/** Thrown by the sandbox's code to answer with a problem; the message is the English detail (never card data). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return new ProblemException(Problem.of("validation-failed", "Invalid input", 400,
                "Some fields are invalid: " + fields, "입력값을 확인해 주세요: " + fields).withErrors(errors));
    }

    public static ProblemException invalidField(String field, String detail) {
        return invalidFields(List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException notFound(String detail, String detailKo) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail, detailKo));
    }

    public static ProblemException conflict(String slug, String detail, String detailKo) {
        return new ProblemException(Problem.of(slug, "Conflict", 409, detail, detailKo));
    }

    /** The same Idempotency-Key came back with another body: a client bug, never a second payment. */
    public static ProblemException keyReused() {
        return new ProblemException(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                "This Idempotency-Key was used with another request body",
                "같은 Idempotency-Key가 다른 요청 내용으로 사용되었습니다"));
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(Problem.of("unauthenticated", "Authentication required", 401,
                "Send the API key as Authorization: Bearer <api-key>", "API 키가 없거나 올바르지 않습니다"));
    }
}

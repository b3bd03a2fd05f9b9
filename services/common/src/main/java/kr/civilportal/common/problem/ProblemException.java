package kr.civilportal.common.problem;

import java.util.List;

/**
 * Thrown by domain code to answer with a specific problem. The message is the English detail, so it must
 * never carry personal data: it may end up in a log line.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail, String detailKo) {
        this(type.problem(detail, detailKo));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String detail, String detailKo) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, detailKo);
    }

    public static ProblemException conflict(String detail, String detailKo) {
        return new ProblemException(ProblemType.CONFLICT, detail, detailKo);
    }

    /** A single-field validation failure, for rules Bean Validation cannot express. */
    public static ProblemException invalidField(String field, String detail, String detailKo) {
        Problem base = ProblemType.VALIDATION.problem(detail, detailKo);
        return new ProblemException(new Problem(base.type(), base.title(), base.status(), detail, detailKo, null,
                List.of(new Problem.FieldError(field, detail))));
    }

    /**
     * Every invalid field of a request at once (a 400 naming them all), for parameters checked as text so that a
     * malformed one is a field error rather than a bare 404.
     */
    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        Problem base = ProblemType.VALIDATION.problem("Some fields are invalid: " + fields,
                "입력값을 확인해 주세요: " + fields);
        return new ProblemException(new Problem(base.type(), base.title(), base.status(), base.detail(),
                base.detailKo(), null, List.copyOf(errors)));
    }

    public Problem problem() {
        return problem;
    }
}

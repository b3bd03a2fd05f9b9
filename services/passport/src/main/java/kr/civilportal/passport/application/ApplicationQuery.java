package kr.civilportal.passport.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.passport.identity.IdentityCheck;

/**
 * One page of the officers' list: 0-based {@code page}, {@code size} 1..100, and an optional status filter.
 *
 * <p>The query parameters arrive as text and are parsed here rather than bound to {@code int}s and enums by
 * JAX-RS: a failed conversion of a query parameter answers 404 under the JAX-RS rules, whereas a client that
 * sends {@code size=abc} or {@code status=DONE} deserves a 400 naming the field.
 */
public record ApplicationQuery(int page, int size, ApplicationStatus status, IdentityCheck identityCheck) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public ApplicationQuery(int page, int size, ApplicationStatus status) {
        this(page, size, status, null);
    }

    /** @throws ProblemException validation-failed, with one field error per bad parameter */
    public static ApplicationQuery parse(String page, String size, String status) {
        return parse(page, size, status, null);
    }

    /**
     * With an identity-check filter too, so that officers find what waits for them (e.g. NEEDS_OFFICER).
     *
     * @throws ProblemException validation-failed, with one field error per bad parameter
     */
    public static ApplicationQuery parse(String page, String size, String status, String identityCheck) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer p = integer(page, 0);
        if (p == null || p < 0) {
            errors.add(new Problem.FieldError("page", "must be a whole number from 0 (0부터 시작하는 쪽 번호)"));
        }
        Integer s = integer(size, DEFAULT_SIZE);
        if (s == null || s < 1 || s > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be a whole number from 1 to " + MAX_SIZE
                    + " (한 쪽에 1~" + MAX_SIZE + "건)"));
        }
        // The offset must fit the database's row offset; a page beyond it cannot hold anything anyway.
        if (errors.isEmpty() && (long) p * s > Integer.MAX_VALUE) {
            errors.add(new Problem.FieldError("page", "is too large (쪽 번호가 너무 큽니다)"));
        }
        ApplicationStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = ApplicationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("status", "must be one of " + List.of(ApplicationStatus.values())
                        + " (처리 상태 값이 올바르지 않습니다)"));
            }
        }
        IdentityCheck check = null;
        if (identityCheck != null && !identityCheck.isBlank()) {
            try {
                check = IdentityCheck.valueOf(identityCheck.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("identityCheck", "must be one of " + List.of(IdentityCheck.values())
                        + " (본인 확인 상태 값이 올바르지 않습니다)"));
            }
        }
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
            Problem base = ProblemType.VALIDATION.problem("Some fields are invalid: " + fields,
                    "입력값을 확인해 주세요: " + fields);
            throw new ProblemException(new Problem(base.type(), base.title(), base.status(), base.detail(),
                    base.detailKo(), null, List.copyOf(errors)));
        }
        return new ApplicationQuery(p, s, st, check);
    }

    /** The parameter as a number, its default when absent, null when it is not a number. */
    private static Integer integer(String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

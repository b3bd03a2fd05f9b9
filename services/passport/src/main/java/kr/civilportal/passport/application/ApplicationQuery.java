package kr.civilportal.passport.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.identity.IdentityCheck;

/**
 * One page of the officers' list: paged by common's {@code PageRequest}, and an optional status filter.
 *
 * <p>The query parameters arrive as text and are parsed here rather than bound to {@code int}s and enums by
 * JAX-RS: a failed conversion of a query parameter answers 404 under the JAX-RS rules, whereas a client that
 * sends {@code size=abc} or {@code status=DONE} deserves a 400 naming the field.
 */
public record ApplicationQuery(int page, int size, ApplicationStatus status, IdentityCheck identityCheck, Held held) {

    /** 담당 filter: the caller's own cases (내 업무) or those nobody holds (미배정). */
    public enum Held { MINE, NOBODY }

    public ApplicationQuery(int page, int size, ApplicationStatus status) {
        this(page, size, status, null, null);
    }

    /** @throws ProblemException validation-failed, with one field error per bad parameter */
    public static ApplicationQuery parse(PageParams paging, String status) {
        return parse(paging, status, null);
    }

    /**
     * With an identity-check filter too, so that officers find what waits for them (e.g. NEEDS_OFFICER).
     *
     * @throws ProblemException validation-failed, with one field error per bad parameter
     */
    public static ApplicationQuery parse(PageParams paging, String status, String identityCheck) {
        return parse(paging, status, identityCheck, null);
    }

    /**
     * With the 담당 filter too ({@code held=MINE|NOBODY}).
     *
     * @throws ProblemException validation-failed, with one field error per bad parameter
     */
    public static ApplicationQuery parse(PageParams paging, String status, String identityCheck, String held) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PageRequest page = paging.read(errors);
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
        Held heldBy = null;
        if (held != null && !held.isBlank()) {
            try {
                heldBy = Held.valueOf(held.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("held", "must be one of " + List.of(Held.values())
                        + " (담당 조건 값이 올바르지 않습니다)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ApplicationQuery(page.page(), page.size(), st, check, heldBy);
    }
}

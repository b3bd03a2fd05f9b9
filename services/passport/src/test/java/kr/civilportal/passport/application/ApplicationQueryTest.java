package kr.civilportal.passport.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kr.civilportal.common.paging.PageParams;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ApplicationQueryTest {

    @Test
    void absentParametersTakeTheDefaults() {
        ApplicationQuery q = ApplicationQuery.parse(new PageParams(null, null), null);
        assertEquals(0, q.page());
        assertEquals(20, q.size());
        assertNull(q.status());
        assertEquals(q, ApplicationQuery.parse(new PageParams("", " "), ""));
    }

    @Test
    void parsesPageSizeAndStatus() {
        assertEquals(new ApplicationQuery(3, 100, ApplicationStatus.UNDER_REVIEW),
                ApplicationQuery.parse(new PageParams("3", "100"), "UNDER_REVIEW"));
        assertEquals(ApplicationStatus.READY_FOR_PICKUP, ApplicationQuery.parse(new PageParams(null, "1"), "ready_for_pickup").status());
        assertEquals(kr.civilportal.passport.identity.IdentityCheck.NEEDS_OFFICER,
                ApplicationQuery.parse(new PageParams(null, null), null, "needs_officer").identityCheck());
        assertEquals(null, ApplicationQuery.parse(new PageParams(null, null), null, " ").identityCheck());
        assertThrows(ProblemException.class, () -> ApplicationQuery.parse(new PageParams(null, null), null, "MAYBE"));
    }

    @Test
    void everyBadParameterIsAFieldError() {
        assertEquals(List.of("size"), fieldsOf(null, "0", null));
        assertEquals(List.of("size"), fieldsOf(null, "101", null));
        assertEquals(List.of("page"), fieldsOf("-1", null, null));
        assertEquals(List.of("page", "size", "status"), fieldsOf("one", "2.5", "DONE"));
    }

    @Test
    void aPageBeyondAnyPossibleOffsetIsRefused() {
        assertEquals(List.of("page"), fieldsOf(String.valueOf(Integer.MAX_VALUE), "100", null));
        assertEquals(List.of("page"), fieldsOf("99999999999", null, null));
    }

    @Test
    void theProblemIsValidationFailed() {
        ProblemException e = assertThrows(ProblemException.class, () -> ApplicationQuery.parse(new PageParams(null, "0"), null));
        assertEquals("urn:civilportal:problem:validation-failed", e.problem().type().toString());
        assertEquals(400, e.problem().status());
    }

    private static List<String> fieldsOf(String page, String size, String status) {
        ProblemException e = assertThrows(ProblemException.class, () -> ApplicationQuery.parse(new PageParams(page, size), status));
        return e.problem().errors().stream().map(Problem.FieldError::field).toList();
    }
}

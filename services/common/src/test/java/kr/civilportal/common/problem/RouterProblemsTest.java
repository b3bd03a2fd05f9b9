package kr.civilportal.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouterProblemsTest {

    @Test
    void jsonBodiesAreToldByTheirMediaTypeWhateverTheParameters() {
        assertTrue(RouterProblems.isJson("application/json"));
        assertTrue(RouterProblems.isJson("Application/JSON; charset=UTF-8"));
        assertTrue(RouterProblems.isJson("application/merge-patch+json"));
        assertFalse(RouterProblems.isJson("image/jpeg"));
        assertFalse(RouterProblems.isJson("multipart/form-data; boundary=x"));
        assertFalse(RouterProblems.isJson(null));
    }

    @Test
    void aMissingOrUnreadableLengthIsNoLength() {
        assertEquals(20_001, RouterProblems.declaredLength(" 20001 "));
        assertEquals(-1, RouterProblems.declaredLength(null));
        assertEquals(-1, RouterProblems.declaredLength("lots"));
    }

    @Test
    void everyClientErrorTheFrameworkAnswersHasItsOwnSharedType() {
        assertEquals("urn:civilportal:problem:content-too-large", Problems.forStatus(413).type().toString());
        assertEquals("urn:civilportal:problem:not-acceptable", Problems.forStatus(406).type().toString());
        assertEquals("urn:civilportal:problem:too-many-requests", Problems.forStatus(429).type().toString());
        assertEquals(ProblemType.METHOD_NOT_ALLOWED.uri(), Problems.forStatus(405).type());
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri(), Problems.forStatus(415).type());
    }
}

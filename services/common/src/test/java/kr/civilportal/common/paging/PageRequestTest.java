package kr.civilportal.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import kr.civilportal.common.problem.Problem;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void absentOrBlankParametersAreTheFirstPageOfTheDefaultSize() {
        List<Problem.FieldError> errors = new ArrayList<>();
        assertEquals(new PageRequest(0, 20), new PageParams(null, null).read(errors));
        assertEquals(new PageRequest(0, 20), new PageParams(" ", "").read(errors));
        assertEquals(PageRequest.first(), new PageParams(null, null).read(errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void pageAndSizeAreReadWithTheirOffset() {
        PageRequest p = new PageParams("3", " 100 ").read(new ArrayList<>());
        assertEquals(new PageRequest(3, 100), p);
        assertEquals(300, p.offset());
    }

    @Test
    void eachBadParameterIsAFieldErrorNamingIt() {
        assertEquals(List.of("page"), fieldsOf("-1", "20"));
        assertEquals(List.of("page"), fieldsOf("x", "20"));
        assertEquals(List.of("size"), fieldsOf("0", "0"));
        assertEquals(List.of("size"), fieldsOf("0", "101"));
        assertEquals(List.of("size"), fieldsOf("0", "abc"));
        assertEquals(List.of("page", "size"), fieldsOf("-1", "abc"));
    }

    @Test
    void aPageWhoseOffsetDoesNotFitARowOffsetIsRefused() {
        assertEquals(List.of("page"), fieldsOf(String.valueOf(Integer.MAX_VALUE), "100"));
        assertEquals(List.of(), fieldsOf(String.valueOf(Integer.MAX_VALUE / 100), "100"));
    }

    private static List<String> fieldsOf(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        PageRequest read = new PageParams(page, size).read(errors);
        if (!errors.isEmpty()) {
            assertNull(read);
        }
        return errors.stream().map(Problem.FieldError::field).toList();
    }
}

package kr.civilportal.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aNumberTypedIntoAUrlDoesNotComeBackInTheErrorBody() {
        Problem p = Problems.forStatus(404).withInstance("/api/residency/v1/residents/900315-2123451/record");
        assertEquals("/api/residency/v1/residents/900315-2******/record", p.instance());
    }
}

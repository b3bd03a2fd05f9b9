package kr.civilportal.residency.rrn;

import kr.civilportal.common.problem.ProblemException;

/** Turns a number a client typed into a {@link ResidentRegistrationNumber}, or a field error that never quotes it. */
public final class RrnInput {

    private RrnInput() {
    }

    public static ResidentRegistrationNumber parse(String field, String text) {
        try {
            return ResidentRegistrationNumber.parse(text);
        } catch (IllegalArgumentException e) {
            // The parser's messages are fixed texts without the input, so they can go to the client.
            throw ProblemException.invalidField(field, e.getMessage(), "주민등록번호가 올바르지 않습니다.");
        }
    }
}

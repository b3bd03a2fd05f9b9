package kr.civilportal.documents;

import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;

/** The problem types of presenting an issued document for checking, the same in every service that issues one. */
public final class DocumentProblems {

    /** The presented PDF fails {@link SignedDocumentCheck}, or no document was issued with the number it carries. */
    public static final ProblemType NOT_GENUINE = new ProblemType("document-not-genuine", "Not a genuine document", 422);

    private DocumentProblems() {
    }

    /** A typed issuance number that is not one: a 400 with a field error, in both languages. */
    public static ProblemException malformedIssuanceNumber() {
        return ProblemException.invalidField("issuanceNumber",
                "An issuance number has 16 digits in four groups (1234-5678-9012-3452) with a valid check digit.",
                "문서확인번호는 16자리 숫자(1234-5678-9012-3452)이며 검증 숫자가 맞아야 합니다.");
    }

    /** A presented PDF that fails the signature check: what is wrong with it, and that it is not a genuine one. */
    public static ProblemException notGenuine(SignedDocumentCheck.Result checked, String document) {
        return new ProblemException(NOT_GENUINE,
                checked.problem() + " It is not a genuine " + document + ".", checked.problemKo() + " 진본이 아닙니다.");
    }
}

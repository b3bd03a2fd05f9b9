package kr.civilportal.documents;

import kr.civilportal.common.problem.ProblemType;

/** The problem types of presenting an issued document for checking, the same in every service that issues one. */
public final class DocumentProblems {

    /** The presented PDF fails {@link SignedDocumentCheck}, or no document was issued with the number it carries. */
    public static final ProblemType NOT_GENUINE = new ProblemType("document-not-genuine", "Not a genuine document", 422);

    private DocumentProblems() {
    }
}

package kr.civilportal.documents;

/**
 * A document could not be signed or time-stamped (the key store, the time-stamp authority). The document is not
 * issued: the caller's transaction rolls back and the citizen is asked to try again.
 */
public class DocumentSigningException extends Exception {

    public DocumentSigningException(String message) {
        super(message);
    }

    public DocumentSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}

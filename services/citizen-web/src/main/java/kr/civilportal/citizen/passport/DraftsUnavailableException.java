package kr.civilportal.citizen.passport;

/** citizen-web's own database, where drafts are kept, does not answer: the passport pages say so plainly. */
public class DraftsUnavailableException extends RuntimeException {

    DraftsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

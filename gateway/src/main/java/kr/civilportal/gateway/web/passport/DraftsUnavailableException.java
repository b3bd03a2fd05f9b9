package kr.civilportal.gateway.web.passport;

/** The gateway's database, where drafts are kept, does not answer: the passport pages say so plainly. */
public class DraftsUnavailableException extends RuntimeException {

    DraftsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

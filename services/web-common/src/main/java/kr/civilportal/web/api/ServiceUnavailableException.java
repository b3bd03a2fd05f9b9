package kr.civilportal.web.api;

/**
 * The service did not answer (stopped, hung, its circuit open, the gateway out of reach, a 5xx): the page shows
 * its "unavailable" panel with the alternatives, and what was typed stays in the form.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String why, Throwable cause) {
        super(why, cause, false, false);
    }
}

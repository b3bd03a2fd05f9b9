package kr.civilportal.web.api;

/** A service did not answer (stopped, hung, overloaded): the page says so and shows the alternatives. */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}

package kr.civilportal.web.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A service answered with a 4xx problem+json: bad input, not allowed, a conflict. */
public class ServiceRefusedException extends RuntimeException {

    private final String service;
    private final int status;
    private final JsonNode problem;

    public ServiceRefusedException(String service, int status, JsonNode problem) {
        super(service + " answered " + status + ": " + problem.path("title").asText(""));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}

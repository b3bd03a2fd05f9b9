package kr.civilportal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * An error answer of the portal, as the app shows it: the HTTP status and the problem details (RFC 9457) every
 * service answers with: {@code type} to decide on, {@code detail} and {@code detailKo} to show the citizen.
 * The two generated clients each have their own ApiException; the app handles one kind.
 */
public final class ApiFailure extends Exception {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final JsonNode problem;

    ApiFailure(int status, String body, Exception cause) {
        super(status + " " + body, cause);
        this.status = status;
        this.problem = parse(body);
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code urn:civilportal:problem:not-found}; empty when the answer was no problem. */
    public String type() {
        return problem.path("type").asText("");
    }

    /** What to show the citizen. */
    public String detailKo() {
        return problem.path("detailKo").asText(problem.path("detail").asText(""));
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T of(Call<T> call) throws ApiFailure {
        try {
            return call.call();
        } catch (kr.civilportal.app.client.residency.ApiException e) {
            throw new ApiFailure(e.getCode(), e.getResponseBody(), e);
        } catch (kr.civilportal.app.client.emergency.ApiException e) {
            throw new ApiFailure(e.getCode(), e.getResponseBody(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}

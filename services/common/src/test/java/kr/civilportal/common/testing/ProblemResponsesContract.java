package kr.civilportal.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kr.civilportal.common.text.StorableText;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client gets for the errors the framework answers before any resource runs, on one of the service's
 * JSON writes: problem+json with the shared type, and nothing written. A service's test extends this under
 * {@code @QuarkusTest}, naming a JSON write, a valid body for it, an allowed caller and a count of what it writes.
 */
public abstract class ProblemResponsesContract {

    private static final String PROBLEM = "urn:civilportal:problem:";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** A JSON write (POST) of the service. */
    protected abstract String jsonWritePath();

    /** A body that write would accept, as a JSON object. */
    protected abstract String validBody();

    /** A request from a caller allowed to make that write (e.g. with a token). */
    protected abstract RequestSpecification caller();

    /** How many rows that write has made so far. */
    protected abstract long writes();

    /** The service's API prefix, e.g. {@code /api/land/v1}. */
    protected abstract String apiPrefix();

    /**
     * A top-level property of {@link #validBody()} with a string value: free text where the write has some, else an
     * enum's name. A NUL put in it must be refused naming it.
     */
    protected abstract String textField();

    private long before;

    @BeforeEach
    void countBefore() {
        before = writes();
    }

    private ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEM + type)).body("status", equalTo(status))
                .body("detail", notNullValue()).body("detailKo", notNullValue());
        assertEquals(before, writes(), "nothing was written");
        return response;
    }

    @Test
    void aWrongMethodIs405() {
        refused(caller().contentType("application/json").body(validBody()).when().patch(jsonWritePath()).then(),
                405, "method-not-allowed");
    }

    @Test
    void anAnswerTheClientCannotAcceptIs406() {
        refused(caller().contentType("application/json").accept("text/csv").body(validBody())
                .when().post(jsonWritePath()).then(), 406, "not-acceptable");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        long limit = limit();
        String padded = validBody().replaceFirst("\\{", "{\"padding\":\"" + "x".repeat((int) limit) + "\",");
        refused(caller().contentType("application/json").body(padded).when().post(jsonWritePath()).then(),
                413, "content-too-large").body("detail", containsString(Long.toString(limit)));
    }

    @Test
    void aWrongContentTypeIs415() {
        refused(caller().contentType("text/plain").body(validBody()).when().post(jsonWritePath()).then(),
                415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400() {
        refused(caller().contentType("application/json").body(validBody().substring(0, validBody().length() - 1) + ",")
                .when().post(jsonWritePath()).then(), 400, "malformed-request");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        String withTypo = validBody().replaceFirst("\\{", "{\"unexpectedField\":1,");
        refused(caller().contentType("application/json").body(withTypo).when().post(jsonWritePath()).then(),
                400, "validation-failed").body("errors.field", hasItem("unexpectedField"));
    }

    @Test
    void aNulInJsonTextIs400NamingTheField() {
        String marker = "\"" + textField() + "\":\"";
        assertTrue(validBody().contains(marker), "the valid body has " + textField() + " as a string");
        String withNul = validBody().replace(marker, marker + "a\\u0000");
        refused(caller().contentType("application/json").body(withNul).when().post(jsonWritePath()).then(),
                400, "validation-failed").body("errors.field", hasItem(textField()));
    }

    @Test
    void aNulInAQueryOrPathParameterIs400BeforeAnythingRuns() {
        refused(caller().contentType("application/json").queryParam("note", "a\u0000b").body(validBody())
                .when().post(jsonWritePath()).then(), 400, "validation-failed")
                .body("errors.field", hasItem("note")).body("errors.detail", hasItem(StorableText.DETAIL));
        refused(caller().urlEncodingEnabled(false).when().get(jsonWritePath() + "/a%00b").then(),
                400, "validation-failed").body("errors.field", hasItem("path"));
    }

    @Test
    void unknownPathsAre404InsideAndOutsideTheApi() {
        refused(caller().when().get(apiPrefix() + "/no/such/thing").then(), 404, "not-found");
        refused(given().when().get("/no-such-page").then(), 404, "not-found");
        refused(given().when().post("/no-such-page").then(), 404, "not-found");
    }

    /** The limit a JSON body is held to: the service's JSON limit where it has one, else its body limit. */
    private static long limit() {
        var config = ConfigProvider.getConfig();
        long all = config.getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        return config.getOptionalValue("portal.http.limits.max-json-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).map(json -> Math.min(json, all)).orElse(all);
    }
}

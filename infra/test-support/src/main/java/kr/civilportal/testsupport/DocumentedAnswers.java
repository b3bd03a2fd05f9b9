package kr.civilportal.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Every request a service's tests send with REST Assured, and every answer, checked against the service's own
 * OpenAPI document, so the document cannot drift from the code. A request the document accepts must
 * get an answer the document describes. A request it rejects (a bad-input test) must get a 4xx answer that the
 * document describes for that status. The management paths ({@code /q/*}) are not part of the API.
 *
 * <p>On for the modules whose pom sets the property {@value #SWITCH}{@code =true} and puts Atlassian's validator on
 * the test classpath: the four services. The gateway's and the web apps' tests talk to stand-ins and pages, not to
 * a documented API.
 */
public final class DocumentedAnswers implements OrderedFilter {

    public static final String SWITCH = "portal.test.documented-answers";
    private static final String MANAGEMENT = "/q/";
    private static final String BODY_MISSING = "validation.request.body.missing";
    /**
     * The validator treats every request schema as closed, but a JSON schema without {@code additionalProperties}
     * is open, and the services take a body with a property they do not know (an older service, a newer app):
     * only answers are held to exactly the documented properties.
     */
    private static final String REQUEST_EXTRA_PROPERTIES = "validation.request.body.schema.additionalProperties";
    /** Likewise a query parameter the operation does not know is ignored, as HTTP APIs do (a cache buster). */
    private static final String REQUEST_EXTRA_QUERY_PARAMETER = "validation.request.parameter.query.unexpected";

    private OpenApiInteractionValidator validator;

    /** Registers the filter once per test JVM, before the first test that sends requests. */
    public static final class Install implements QuarkusTestBeforeEachCallback {
        private static volatile boolean installed;

        @Override
        public void beforeEach(QuarkusTestMethodContext context) {
            if (!installed && Boolean.getBoolean(SWITCH)) {
                installed = true;
                RestAssured.filters(new DocumentedAnswers());
            }
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext context) {
        Response response = context.next(request, expected);
        String path = request.getDerivedPath();
        String type = response.contentType();
        if (URI.create(request.getURI()).getPort() != RestAssured.port) {
            // Another server (Keycloak's token endpoint, through KeycloakTestClient) answers to its own contract.
            return response;
        }
        if (path.startsWith(MANAGEMENT) || type != null && type.startsWith("text/event-stream")) {
            // Management paths are not the API; an event stream has no end to read and check.
            return response;
        }
        OpenApiInteractionValidator documented = validator();
        ValidationReport requestReport = documented.validateRequest(RestAssuredRequest.of(request));
        if (!request.getMultiPartParams().isEmpty()) {
            // The validator sees no body in a REST Assured multipart request; its parts are checked by the tests.
            requestReport = ValidationReport.from(requestReport.getMessages().stream()
                    .filter(m -> !m.getKey().equals(BODY_MISSING)).toList());
        }
        int status = response.statusCode();
        if (requestReport.hasErrors() && (status < 400 || status >= 500)) {
            throw new AssertionError(request.getMethod() + " " + path + ": the document rejects this request, yet it"
                    + " was answered " + status + ":\n" + requestReport);
        }
        boolean unknownOperation = requestReport.getMessages().stream().anyMatch(m ->
                m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
        if (!unknownOperation) {
            ValidationReport answerReport = documented.validateResponse(path,
                    Request.Method.valueOf(request.getMethod()), RestAssuredResponse.of(response));
            if (answerReport.hasErrors()) {
                throw new AssertionError(request.getMethod() + " " + path + " answered " + status
                        + ", not as the document describes:\n" + answerReport);
            }
        }
        return response;
    }

    private synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            String document = RestAssured.given().noFilters().get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString();
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel(REQUEST_EXTRA_PROPERTIES, ValidationReport.Level.IGNORE)
                            .withLevel(REQUEST_EXTRA_QUERY_PARAMETER, ValidationReport.Level.IGNORE).build())
                    .build();
        }
        return validator;
    }
}

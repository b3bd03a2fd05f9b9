package kr.civilportal.common.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every service gives the same way (RFC 9457, {@link Problem}), so that an app
 * developer's generated client knows them: the shared {@code Problem} schema under {@code components}, every error
 * response of every operation as {@code application/problem+json} with that schema, and the errors an operation
 * can always meet whatever its resource says: 400 when it takes input, 401 and 403 when it needs a login, 404 when
 * its path names something, 413 and 415 when it takes a body, 406 for an Accept it cannot meet, and 429 and 503
 * from the gateway in front (rate limit, service unavailable). A resource
 * documents only what is particular to it (a 409, a 413); its text is kept.
 */
public class ProblemOpenApi implements OASFilter {

    public static final String SCHEMA_NAME = "Problem";
    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA_NAME;

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
        boolean namesSomething = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean needsLogin = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput || namesSomething) {
            ensure(responses, "400", "Invalid input: the fields at fault are listed in errors; nothing was changed");
        }
        if (needsLogin) {
            ensure(responses, "401", "No valid token for this service (missing, expired, forged, or issued for "
                    + "another audience)");
            ensure(responses, "403", "The caller's roles do not allow this operation");
        }
        if (namesSomething) {
            ensure(responses, "404", "Nothing with this identifier that the caller may see");
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, "413", "The body is larger than this operation takes; nothing was read or changed");
            ensure(responses, "415", "The body is not of a media type this operation takes");
        }
        ensure(responses, "406", "None of the media types in Accept can be given");
        ensure(responses, "429", "Too many requests from this client (the gateway's rate limit); retry after "
                + "Retry-After seconds");
        ensure(responses, "503", "The service is unavailable or overloaded (answered by the gateway); retry "
                + "after Retry-After seconds");
        responses.getAPIResponses().forEach((status, response) -> complete(status, response));
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA_NAME, problemSchema());
    }

    private static void ensure(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** An error answer is a problem+json with the shared schema; every answer has a description and typed headers. */
    private static void complete(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(ReasonPhrase.of(status));
        }
        Map<String, Header> headers = response.getHeaders();
        if (headers != null) {
            headers.values().stream().filter(h -> h.getSchema() == null && h.getRef() == null)
                    .forEach(h -> h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (!status.startsWith("4") && !status.startsWith("5")) {
            return;
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            // Error answers are always problem+json, whatever the operation returns when it succeeds.
            content.getMediaTypes().keySet().stream().toList().forEach(content::removeMediaType);
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(SCHEMA_REF));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input field")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The JSON property path (or parameter name) the client sent"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with it"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. type is stable and machine-readable "
                        + "(urn:civilportal:problem:<slug>); detail is English, detailKo the same in Korean.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .examples(List.of("urn:civilportal:problem:validation-failed")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32"))
                .addProperty("detail", text)
                .addProperty("detailKo", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path, personal numbers masked"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }

    /** The standard reason phrases of the statuses the services document. */
    private static final class ReasonPhrase {
        private static final Map<String, String> PHRASES = Map.ofEntries(Map.entry("200", "OK"),
                Map.entry("201", "Created"), Map.entry("202", "Accepted"), Map.entry("204", "No Content"),
                Map.entry("303", "See Other"), Map.entry("304", "Not Modified"), Map.entry("400", "Bad Request"),
                Map.entry("401", "Unauthorized"), Map.entry("403", "Forbidden"), Map.entry("404", "Not Found"),
                Map.entry("409", "Conflict"), Map.entry("413", "Content Too Large"),
                Map.entry("415", "Unsupported Media Type"), Map.entry("422", "Unprocessable Content"),
                Map.entry("429", "Too Many Requests"), Map.entry("503", "Service Unavailable"));

        static String of(String status) {
            return PHRASES.getOrDefault(status, "Status " + status);
        }
    }
}

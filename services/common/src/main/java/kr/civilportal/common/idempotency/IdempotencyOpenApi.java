package kr.civilportal.common.idempotency;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the Idempotency-Key the same way on every write that declares it. A resource method says only
 * whether the key is optional or required, with
 * {@code @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)}; this filter
 * (a service's {@code mp.openapi.filter}) adds the described header parameter and the 400, 409 and 422
 * answers. The extension stays in the document: the gateway and app developers read it to know which writes
 * may be retried. Where an operation already documents the key under a status (119 reports: a malformed key
 * is a warning there, not a 400), that text is kept.
 */
public class IdempotencyOpenApi implements OASFilter {

    /** The operation extension: {@value #OPTIONAL}, {@value #REQUIRED} or {@value #SAFE}. */
    public static final String EXTENSION = "x-idempotency-key";
    public static final String OPTIONAL = "optional";
    public static final String REQUIRED = "required";
    /**
     * Repeating it is harmless without a key: a POST that changes nothing (a check with a body, e.g. a document to
     * verify), or a PUT or DELETE that sets a state (RFC 9110 idempotent: a repeat changes nothing more).
     */
    public static final String SAFE = "safe";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "urn:civilportal:problem:";
    private static final String KEY_DESCRIPTION = "A random UUID for this write, sent again unchanged with every "
            + "retry of it: a retry gets the first answer again (same status and body, header Idempotent-Replayed: "
            + "true) and nothing is done twice. The key is the caller's own and kept at least 24 hours. ";

    @Override
    public Operation filterOperation(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        Object declared = extensions == null ? null : extensions.get(EXTENSION);
        if (declared == null || SAFE.equals(declared.toString())) {
            return operation;
        }
        boolean required = REQUIRED.equals(declared.toString());
        header(operation, required);
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        answer(responses, "400", required
                ? PROBLEM + IdempotencyProblems.KEY_MISSING.slug() + " (no key) or " + PROBLEM
                        + IdempotencyProblems.KEY_INVALID.slug() + " (a malformed Idempotency-Key)"
                : PROBLEM + IdempotencyProblems.KEY_INVALID.slug() + ": a malformed Idempotency-Key");
        answer(responses, "409", PROBLEM + IdempotencyProblems.IN_PROGRESS.slug()
                + ": the first request with this Idempotency-Key is still running; retry shortly");
        answer(responses, "422", PROBLEM + IdempotencyProblems.KEY_REUSED.slug()
                + ": this Idempotency-Key was used for another request (other body or path); nothing was done");
        return operation;
    }

    private static void header(Operation operation, boolean required) {
        String description = KEY_DESCRIPTION + (required
                ? "Required: a write without it is refused (400)."
                : "Optional: without it every request is a new write.");
        Parameter parameter = null;
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (p.getIn() == Parameter.In.HEADER && IdempotencyKey.HEADER.equalsIgnoreCase(p.getName())) {
                    parameter = p;
                }
            }
        }
        if (parameter == null) {
            parameter = OASFactory.createParameter().name(IdempotencyKey.HEADER).in(Parameter.In.HEADER);
            operation.addParameter(parameter);
        }
        if (parameter.getDescription() == null || !parameter.getDescription().contains("Idempotent-Replayed")) {
            parameter.setDescription(parameter.getDescription() == null ? description
                    : parameter.getDescription().strip() + ". " + description);
        }
        parameter.setRequired(required);
        parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                .maxLength(IdempotencyKey.MAX_LENGTH));
    }

    /** Adds the answer, or its meaning to an answer already documented under the status. */
    private static void answer(APIResponses responses, String status, String meaning) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(meaning)
                    .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType())));
            return;
        }
        String text = existing.getDescription();
        if (text == null || text.isBlank()) {
            existing.setDescription(meaning);
        } else if (!text.contains(IdempotencyKey.HEADER)) {
            existing.setDescription(text.strip() + "; or " + meaning);
        }
    }
}

package kr.civilportal.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every write of a service says in its OpenAPI document whether it honours an Idempotency-Key: the extension
 * {@code x-idempotency-key} ({@code optional} or {@code required}) on each POST, PUT, PATCH and DELETE, with the
 * header parameter and the 409 and 422 answers. The gateway retries a write on another replica only where it is
 * declared, so a new endpoint that forgets it fails here. A service's test extends this under
 * {@code @QuarkusTest}.
 */
public abstract class IdempotencyKeyDeclaredContract {

    static final String EXTENSION = "x-idempotency-key";
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> VALUES = Set.of("optional", "required", "safe");

    /** The service's API prefix, e.g. {@code /api/land/v1}: its writes are the ones checked. */
    protected abstract String apiPrefix();

    @Test
    void everyWriteDeclaresWhetherItTakesAnIdempotencyKey() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).path("paths");
        List<String> writes = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith(apiPrefix())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!WRITES.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                writes.add(name);
                JsonNode op = operation.getValue();
                if (!VALUES.contains(op.path(EXTENSION).asText())) {
                    undeclared.add(name);
                } else if (!"safe".equals(op.path(EXTENSION).asText()) && !documented(op)) {
                    undocumented.add(name);
                }
            }
        }
        assertFalse(writes.isEmpty(), "the document lists the service's writes");
        assertEquals(List.of(), undeclared, "writes without " + EXTENSION + " (optional or required)");
        assertEquals(List.of(), undocumented, "writes without the described Idempotency-Key header, 409 and 422");
    }

    private static boolean documented(JsonNode op) {
        boolean header = false;
        for (JsonNode p : op.path("parameters")) {
            header |= "header".equals(p.path("in").asText()) && KeyedWrite.KEY_HEADER.equals(p.path("name").asText())
                    && !p.path("description").asText().isBlank()
                    && p.path("required").asBoolean() == "required".equals(op.path(EXTENSION).asText());
        }
        JsonNode responses = op.path("responses");
        return header && responses.has("400") && responses.has("409") && responses.has("422");
    }
}

package kr.civilportal.testsupport.contract;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The provider's side: every contract committed in its test resources is replayed against the running provider
 * (a {@code @QuarkusTest} with its real database and Keycloak) through REST Assured, so the requests and answers
 * are also checked against the provider's OpenAPI document where that check is on. Each answer must have the
 * consumer's status and media type, and every field the consumer reads, with the value it expects.
 */
public final class ProviderContracts {

    private static final java.util.concurrent.atomic.AtomicInteger REPLAYED = new java.util.concurrent.atomic.AtomicInteger();

    /** Where a provider keeps the contracts of its consumers (relative to the module). */
    static final Path COMMITTED = Path.of("src", "test", "resources", "contracts");

    private ProviderContracts() {
    }

    /** The committed contracts of this provider's consumers. */
    public static List<Contract> committed() {
        try (Stream<Path> files = Files.list(COMMITTED)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Contract::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No contracts in " + COMMITTED.toAbsolutePath(), e);
        }
    }

    /**
     * Replays one interaction and lists where the provider's answer breaks it (empty when it keeps it).
     *
     * @param tokens the bearer token for a contract's caller ({@code client <id>} or {@code user <name>})
     */
    public static List<String> breaches(Contract contract, Contract.Interaction interaction,
                                        Function<String, String> tokens) {
        Contract.Request request = interaction.request();
        RequestSpecification spec = given().urlEncodingEnabled(true);
        if (request.caller() != null) {
            spec = spec.auth().oauth2(tokens.apply(request.caller()));
        }
        if (request.query() != null) {
            spec = spec.queryParams(request.query());
        }
        // Each replayed request from a client address of its own (192.0.2.0/24, for documentation), as the gateway
        // forwards a citizen's: a provider's per-address limits (the guessing limit of public verification) then
        // never count the replay together with the provider's other tests, whatever order they run in.
        spec = spec.header("X-Forwarded-For", "192.0.2." + (1 + REPLAYED.getAndIncrement() % 254));
        if (request.headers() != null) {
            spec = spec.headers(request.headers());
        }
        if (request.body() != null) {
            spec = spec.body(request.body().toString());
        }
        Response answer = spec.when().request(request.method(), request.path());
        String where = contract.fileName() + ", \"" + interaction.description() + "\": ";
        List<String> breaches = new ArrayList<>();
        Contract.Response expected = interaction.response();
        if (answer.statusCode() != expected.status()) {
            breaches.add(where + "status " + answer.statusCode() + ", the consumer expects " + expected.status()
                    + " (answer: " + answer.asString() + ")");
            return breaches;
        }
        String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].strip();
        if (expected.contentType() != null && !expected.contentType().equals(type)) {
            breaches.add(where + "media type " + type + ", the consumer expects " + expected.contentType());
        }
        if (expected.body() != null) {
            try {
                compare(expected.body(), Contract.JSON.readTree(answer.asByteArray()), "body", where, breaches);
            } catch (IOException e) {
                breaches.add(where + "the answer is no JSON: " + answer.asString());
            }
        }
        return breaches;
    }

    private static void compare(JsonNode expected, JsonNode actual, String at, String where, List<String> breaches) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                breaches.add(where + at + " is " + actual.getNodeType() + ", the consumer reads an object");
                return;
            }
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!actual.has(name)) {
                    Set<String> given = new TreeSet<>();
                    actual.fieldNames().forEachRemaining(given::add);
                    breaches.add(where + at + "." + name + " is missing, the consumer reads it (the provider gave "
                            + given + ")");
                } else {
                    compare(expected.get(name), actual.get(name), at + "." + name, where, breaches);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                breaches.add(where + at + " is " + actual + ", the consumer reads " + expected);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), at + "[" + i + "]", where, breaches);
            }
        } else if (!expected.equals(actual)) {
            breaches.add(where + at + " is " + actual + ", the consumer expects " + expected);
        }
    }
}

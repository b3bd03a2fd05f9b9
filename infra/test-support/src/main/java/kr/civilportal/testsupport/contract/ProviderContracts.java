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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.testsupport.Tokens;
import java.util.stream.Stream;

/**
 * The provider's side: every contract committed in its test resources is replayed against the running provider
 * (a {@code @QuarkusTest} with its real database and Keycloak) through REST Assured, so the requests and answers
 * are also checked against the provider's OpenAPI document where that check is on. Each answer must have the
 * consumer's status and media type, and every field the consumer reads, with the value it expects.
 */
public final class ProviderContracts {

    private static final java.util.concurrent.atomic.AtomicInteger REPLAYED = new java.util.concurrent.atomic.AtomicInteger();

    private static final String CLIENT = "client ";
    private static final String USER = "user ";

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
     * Replays every interaction of {@code contracts} and lists where the provider breaks them (empty when it keeps
     * them all). An interaction's provider state must match one of {@code states} and its check must hold on the
     * provider's data, each check run through {@code inTransaction} (a provider's own transaction, e.g.
     * {@code QuarkusTransaction.requiringNew().call(check)}); a state that is unknown or does not hold is a breach,
     * so a contract never passes on data the provider does not have.
     *
     * @param clientSecrets the secrets of the service clients that call this provider ({@code client <id>} callers)
     */
    public static List<String> breaches(List<Contract> contracts, Map<Pattern, Predicate<Matcher>> states,
                                        Function<Callable<Boolean>, Boolean> inTransaction,
                                        Map<String, String> clientSecrets) {
        List<String> breaches = new ArrayList<>();
        for (Contract contract : contracts) {
            for (Contract.Interaction interaction : contract.interactions()) {
                String state = interaction.providerState();
                if (state != null && !holds(state, states, inTransaction)) {
                    breaches.add(contract.fileName() + ", \"" + interaction.description() + "\": the state \""
                            + state + "\" is unknown here or does not hold in the test data");
                    continue;
                }
                breaches.addAll(breaches(contract, interaction, caller -> token(caller, clientSecrets)));
            }
        }
        return breaches;
    }

    private static boolean holds(String state, Map<Pattern, Predicate<Matcher>> states,
                                 Function<Callable<Boolean>, Boolean> inTransaction) {
        return states.entrySet().stream().anyMatch(known -> {
            Matcher matcher = known.getKey().matcher(state);
            return matcher.matches() && inTransaction.apply(() -> known.getValue().test(matcher));
        });
    }

    /** A caller's real token: {@code user <name>} a demo user's, {@code client <id>} a service client's. */
    private static String token(String caller, Map<String, String> clientSecrets) {
        if (caller.startsWith(USER)) {
            return Tokens.of(caller.substring(USER.length()));
        }
        String client = caller.startsWith(CLIENT) ? caller.substring(CLIENT.length()) : null;
        if (client == null || !clientSecrets.containsKey(client)) {
            throw new IllegalArgumentException("No token for the caller \"" + caller + "\" of this provider");
        }
        return Tokens.ofClient(client, clientSecrets.get(client));
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

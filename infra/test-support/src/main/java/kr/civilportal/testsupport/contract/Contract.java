package kr.civilportal.testsupport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one consumer needs from one provider, as the consumer's real REST client showed it: each interaction is a
 * request the client sent and the answer it was given and understood. The consumer's build writes it, the file is
 * committed next to the provider's tests, and the provider's build replays it against the real provider.
 *
 * @param consumer     the calling service, e.g. {@code passport}
 * @param provider     the called service, e.g. {@code residency}
 * @param interactions what the consumer sends and reads, one case each
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contract(String consumer, String provider, List<Interaction> interactions) {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The file name both sides use: {@code <consumer>-<provider>.json}. */
    public String fileName() {
        return consumer + "-" + provider + ".json";
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Contract.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + file, e);
        }
    }

    /**
     * @param description   the case, in the consumer's words
     * @param providerState the data the provider must hold for this answer, named so the provider's test can
     *                      check that it knows the state
     * @param request       what the consumer's client sent
     * @param response      what it was answered and read
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interaction(String description, String providerState, Request request, Response response) {
    }

    /**
     * @param method  HTTP method
     * @param path    path without the query
     * @param query   query parameters (one value each, as the clients send them)
     * @param caller  who the bearer token named: {@code client <client id>} for a service account,
     *                {@code user <username>} for a signed-in person, absent without a token
     * @param headers the content negotiation headers the client sent (Accept, Content-Type)
     * @param body    the JSON body, if any
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Request(String method, String path, Map<String, String> query, String caller,
                          Map<String, String> headers, JsonNode body) {
    }

    /**
     * @param status      HTTP status
     * @param contentType media type (without parameters)
     * @param body        the JSON the consumer reads: every field here must come back from the provider with this
     *                    value; fields the provider adds are the provider's business
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(int status, String contentType, JsonNode body) {
    }
}

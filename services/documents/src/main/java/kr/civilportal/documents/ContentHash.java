package kr.civilportal.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of the data a document attests, in a canonical JSON form (properties sorted, no whitespace),
 * so the same data always gives the same hash and the verification page can show it. The hash is over the
 * attested data, not the PDF bytes: the PDF carries an issue timestamp and font subset that may differ
 * between renderings of the same facts.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ContentHash() {
    }

    /** The canonical JSON of {@code attested} (a record, map or list); store it next to the hash. */
    public static String canonicalJson(Object attested) {
        try {
            return CANONICAL.writeValueAsString(attested);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The attested data cannot be written as JSON", e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON. */
    public static String sha256Hex(String canonicalJson) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

package kr.civilportal.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an event envelope (JSON, UTF-8). Three outcomes: {@link Accepted}, {@link Unsupported} (a version above
 * the one this service reads: forward compatible, acknowledged and counted) and {@link Malformed} (what no version
 * of the envelope is: acknowledged with a warning). The outcomes never carry the payload, so nothing of it can
 * reach a log line. Plain Java, unit-tested on its own.
 */
public final class EventParser {

    /** The envelope version this service reads. */
    public static final int VERSION = 1;
    /** A petition's id (a UUID) or a document's number: letters, digits and hyphens. */
    static final String SUBJECT = "[A-Za-z0-9-]{1,100}";
    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_TEXT = 2000;
    static final int MAX_REFERENCE = 64;
    /** The texts of {@code data} besides reference, reason and dueOn that templates may name. */
    static final List<String> DETAILS = List.of("pickupAt", "office", "parcel", "changedOn", "cause", "unit",
            "outcome");
    static final int MAX_DETAIL = 200;
    /** A sealed number is a few dozen bytes; anything much larger is not one. */
    static final int MAX_SEALED = 512;
    static final String KEY_ID = "[A-Za-z0-9._-]{1,64}";
    /** The source whose events have no recipients, only a sealed call-back number. */
    static final String NO_RECIPIENTS = "emergency-report";

    private final ObjectMapper json;

    public EventParser(ObjectMapper json) {
        this.json = json;
    }

    public sealed interface Outcome permits Accepted, Unsupported, Malformed {
    }

    public record Accepted(PetitionEvent event) implements Outcome {
    }

    /** A newer envelope version; {@code type} only if it is a plain short name (it goes into logs and metrics). */
    public record Unsupported(String type, int version) implements Outcome {
    }

    /** Why the message is not an envelope; never a part of the payload. */
    public record Malformed(String why) implements Outcome {
    }

    public Outcome parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return new Malformed("empty message");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Malformed("not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
            return new Malformed("no valid version");
        }
        String type = text(root, "type");
        if (type == null || !type.matches("[a-z0-9][a-z0-9.-]{0,99}")) {
            return new Malformed("no valid type");
        }
        if (version.asInt() > VERSION) {
            return new Unsupported(type, version.asInt());
        }
        try {
            UUID eventId = uuid(root, "eventId");
            String source = text(root, "source");
            if (source == null || !source.matches("[a-z0-9-]{1,50}")) {
                return new Malformed("no valid source");
            }
            Instant occurredAt = Instant.parse(required(text(root, "occurredAt"), "occurredAt"));
            String subject = required(text(root, "subject"), "subject");
            if (!subject.matches(SUBJECT)) {
                return new Malformed("no valid subject");
            }
            JsonNode recipientsNode = root.get("recipients");
            if (recipientsNode == null && NO_RECIPIENTS.equals(source)) {
                // 119 reporters may be anonymous: their events name no one (docs/events.md), with or without the field
                recipientsNode = json.createArrayNode();
            }
            if (recipientsNode == null || !recipientsNode.isArray() || recipientsNode.size() > MAX_RECIPIENTS) {
                return new Malformed("no valid recipients");
            }
            Set<UUID> recipients = new LinkedHashSet<>();
            for (JsonNode r : recipientsNode) {
                if (!r.isTextual()) {
                    return new Malformed("no valid recipients");
                }
                recipients.add(UUID.fromString(r.asText()));
            }
            JsonNode data = root.get("data");
            if (data != null && !data.isNull() && !data.isObject()) {
                return new Malformed("data is not an object");
            }
            Optional<String> reference = Optional.ofNullable(data == null ? null : text(data, "reference"));
            Optional<String> reason = Optional.ofNullable(data == null ? null : text(data, "reason"));
            String dueOnText = data == null ? null : text(data, "dueOn");
            Optional<LocalDate> dueOn = dueOnText == null ? Optional.empty() : Optional.of(LocalDate.parse(dueOnText));
            if (reference.filter(r -> r.length() > MAX_REFERENCE || !storable(r)).isPresent()
                    || reason.filter(r -> r.length() > MAX_TEXT || !storable(r)).isPresent()) {
                return new Malformed("data too long or not storable");
            }
            Map<String, String> details = new HashMap<>();
            for (String name : DETAILS) {
                String value = data == null ? null : text(data, name);
                if (value != null) {
                    if (value.length() > MAX_DETAIL || !storable(value)) {
                        return new Malformed("data too long or not storable");
                    }
                    details.put(name, value);
                }
            }
            JsonNode callbackNode = data == null ? null : data.get("callback");
            Optional<PetitionEvent.SealedCallback> callback = Optional.empty();
            if (callbackNode != null && !callbackNode.isNull()) {
                String keyId = callbackNode.isObject() ? text(callbackNode, "keyId") : null;
                String sealed = callbackNode.isObject() ? text(callbackNode, "sealed") : null;
                if (keyId == null || !keyId.matches(KEY_ID) || sealed == null || sealed.length() > MAX_SEALED) {
                    return new Malformed("no valid callback");
                }
                callback = Optional.of(new PetitionEvent.SealedCallback(keyId, Base64.getDecoder().decode(sealed)));
            }
            return new Accepted(new PetitionEvent(eventId, type, VERSION, source, occurredAt, subject,
                    new ArrayList<>(recipients), reference, reason, dueOn, details, callback));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // IllegalArgumentException: a bad UUID or a missing field; no message, it may quote the payload
            return new Malformed("a field has no valid value");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(required(text(node, field), field));
    }

    /** PostgreSQL stores no U+0000 and Java strings may hold unpaired surrogates: neither is a text we keep. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

}

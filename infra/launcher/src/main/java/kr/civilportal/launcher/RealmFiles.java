package kr.civilportal.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The development realm: {@code portal-realm.json} (what production imports) with
 * {@code portal-realm.dev-overlay.json} (demo users, the portal-test and another-app clients, dev secrets) merged over it.
 * Objects merge field by field; array items that name the same client or user merge, others are appended.
 */
public final class RealmFiles {

    private static final List<String> ITEM_KEYS = List.of("clientId", "username", "name");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFiles() {
    }

    public static String developmentRealm(Path realmDir) {
        try {
            ObjectNode base = (ObjectNode) JSON.readTree(realmDir.resolve("portal-realm.json").toFile());
            ObjectNode overlay = (ObjectNode) JSON.readTree(realmDir.resolve("portal-realm.dev-overlay.json").toFile());
            overlay.remove("_comment");
            merge(base, overlay);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(base);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm files in " + realmDir, e);
        }
    }

    static void merge(ObjectNode target, ObjectNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            JsonNode value = entry.getValue();
            if (existing instanceof ObjectNode to && value instanceof ObjectNode from) {
                merge(to, from);
            } else if (existing instanceof ArrayNode to && value instanceof ArrayNode from) {
                mergeItems(to, from);
            } else {
                target.set(entry.getKey(), value);
            }
        });
    }

    private static void mergeItems(ArrayNode target, ArrayNode overlay) {
        for (JsonNode item : overlay) {
            ObjectNode match = item instanceof ObjectNode o ? findSameItem(target, o) : null;
            if (match != null) {
                merge(match, (ObjectNode) item);
            } else {
                target.add(item);
            }
        }
    }

    private static ObjectNode findSameItem(ArrayNode items, ObjectNode item) {
        for (String key : ITEM_KEYS) {
            if (item.hasNonNull(key)) {
                for (JsonNode candidate : items) {
                    if (candidate instanceof ObjectNode o && item.get(key).equals(o.get(key))) {
                        return o;
                    }
                }
                return null;
            }
        }
        return null;
    }
}

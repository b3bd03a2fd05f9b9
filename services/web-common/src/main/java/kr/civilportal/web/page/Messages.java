package kr.civilportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The pages' texts, Korean (the default) and English, from {@code web/messages_ko.properties} and
 * {@code web/messages_en.properties}. A key missing in English falls back to Korean, so a page never shows a
 * bare key to a citizen.
 */
@ApplicationScoped
public class Messages {

    public static final Set<String> LANGUAGES = Set.of("ko", "en");

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    Messages() {
        Map<String, String> korean = load("ko");
        byLanguage.put("ko", Collections.unmodifiableMap(korean));
        Map<String, String> english = new HashMap<>(korean);
        english.putAll(load("en"));
        byLanguage.put("en", Collections.unmodifiableMap(english));
    }

    public Map<String, String> of(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get("ko"));
    }

    private static Map<String, String> load(String language) {
        String name = "web/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

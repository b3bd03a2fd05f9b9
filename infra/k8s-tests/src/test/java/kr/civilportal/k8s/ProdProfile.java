package kr.civilportal.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An application.properties as a production pod reads it (profile {@code prod}): {@code %prod.key} (alone or in a
 * profile list such as {@code %prod,dev.key}) wins over {@code key}; other profiles' keys are left out. And the
 * {@code ${NAME}} / {@code ${NAME:default}} expressions in those values, resolved the way SmallRye Config does:
 * from another property of the file, from the environment (the name as is, or upper-cased with every character
 * other than a letter or digit made {@code _}), else the default.
 */
final class ProdProfile {

    private static final String PROFILE = "prod";

    private final Map<String, String> values;

    private ProdProfile(Map<String, String> values) {
        this.values = values;
    }

    static ProdProfile of(Properties properties) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> profiled = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            if (!key.startsWith("%")) {
                plain.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            List<String> profiles = List.of(key.substring(1, dot).split(","));
            if (profiles.stream().map(String::trim).anyMatch(PROFILE::equals)) {
                profiled.put(key.substring(dot + 1), value);
            }
        }
        Map<String, String> values = new LinkedHashMap<>(plain);
        values.putAll(profiled);
        return new ProdProfile(values);
    }

    Map<String, String> values() {
        return values;
    }

    String get(String key) {
        return values.get(key);
    }

    /** The values of every key matching a pattern, each split at commas (Quarkus lists). */
    List<String> listsOf(String keyPattern) {
        List<String> items = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.matches(keyPattern)) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
        });
        return items;
    }

    /** The environment variable name SmallRye Config also looks up for a property name. */
    static String envName(String property) {
        StringBuilder name = new StringBuilder();
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    /**
     * The names the prod profile needs and nobody supplies: for each property, the {@code ${NAME}} expressions of
     * its value that the environment ({@code supplied}: names of environment variables) does not answer, the file
     * does not define, and that have no default. An empty default ({@code ${NAME:}}) counts as none: a production
     * secret or key that is empty is missing. A property the environment overrides as a whole (its own
     * environment name is supplied) needs nothing. Names the JVM always defines ({@code java.io.tmpdir}) pass.
     * Each entry reads {@code property -> NAME}.
     */
    List<String> unsupplied(Set<String> supplied) {
        Predicate<String> inEnvironment = name -> supplied.contains(name) || supplied.contains(envName(name));
        List<String> missing = new ArrayList<>();
        values.forEach((key, value) -> {
            if (inEnvironment.test(key) || supplied.contains("_" + PROFILE.toUpperCase() + "_" + envName(key))) {
                return;
            }
            for (String name : unresolved(value, inEnvironment, new TreeSet<>(Set.of(key)))) {
                missing.add(key + " -> " + name);
            }
        });
        return missing;
    }

    private List<String> unresolved(String value, Predicate<String> inEnvironment, Set<String> visiting) {
        List<String> missing = new ArrayList<>();
        for (Expression e : expressions(value)) {
            if (inEnvironment.test(e.name()) || isJvmProperty(e.name())) {
                continue;
            }
            if (values.containsKey(e.name())) {
                if (visiting.add(e.name())) {
                    missing.addAll(unresolved(values.get(e.name()), inEnvironment, visiting));
                }
                continue;
            }
            if (e.fallback() != null && !e.fallback().isEmpty()) {
                missing.addAll(unresolved(e.fallback(), inEnvironment, visiting));
                continue;
            }
            missing.add(e.name());
        }
        return missing;
    }

    private static boolean isJvmProperty(String name) {
        return name.startsWith("java.") || name.startsWith("user.") || name.startsWith("os.")
                || name.equals("line.separator") || name.equals("file.separator") || name.equals("path.separator");
    }

    /** One {@code ${name}} or {@code ${name:fallback}}; the fallback may itself hold expressions. */
    record Expression(String name, String fallback) {
    }

    /** The top-level expressions of a value (nested ones stay in their fallback). */
    static List<Expression> expressions(String value) {
        List<Expression> found = new ArrayList<>();
        int i = 0;
        while ((i = value.indexOf("${", i)) >= 0) {
            int depth = 0;
            int end = -1;
            for (int j = i; j < value.length(); j++) {
                if (value.startsWith("${", j)) {
                    depth++;
                    j++;
                } else if (value.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("Unclosed ${ in " + value);
            }
            String body = value.substring(i + 2, end);
            int colon = body.indexOf(':');
            found.add(colon < 0 ? new Expression(body, null)
                    : new Expression(body.substring(0, colon), body.substring(colon + 1)));
            i = end + 1;
        }
        return found;
    }
}

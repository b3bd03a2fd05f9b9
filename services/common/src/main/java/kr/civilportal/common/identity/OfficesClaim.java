package kr.civilportal.common.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offices an official works for (관할 기관), as the realm puts them in the access token: the multivalued user
 * attribute {@code office} mapped into the {@code offices} claim (infra/keycloak/README.md). Every service that
 * routes cases by office reads it here, so that they agree on what a malformed claim means: no office.
 */
public final class OfficesClaim {

    /** The claim that names the offices an official works for. */
    public static final String CLAIM = "offices";

    private OfficesClaim() {
    }

    /** The claim as a set: an array of strings, or one string; anything else names no office. */
    public static Set<String> of(Object claim) {
        Set<String> offices = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s) {
                    offices.add(s.getString());
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.stream().filter(v -> v != null)
                    .forEach(v -> offices.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof JsonString s) {
            offices.add(s.getString());
        } else if (claim instanceof String s) {
            offices.add(s);
        }
        offices.removeIf(String::isBlank);
        return Set.copyOf(offices);
    }

    /**
     * Office ids as a query parameter of {@code office_id in (...)}: a placeholder that names no office when there
     * are none, as {@code in ()} is not valid SQL.
     */
    public static List<String> asQueryParameter(Set<String> offices) {
        return offices.isEmpty() ? List.of("") : List.copyOf(offices);
    }
}

package kr.civilportal.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the token lane ({@link TokenLane}) needs to know of the gateway's path permissions
 * ({@code quarkus.http.auth.permission.<name>.paths|policy}): which paths fall under the catch-all rule that
 * lets any logged-in caller through ({@code /api/*}, {@code authenticated}) and under no other rule.
 *
 * <p>Deliberately coarse, and coarse on the safe side: every other rule's paths (public ones, denied ones, any
 * with roles or methods) are turned into the literal text before their first {@code *}, and a path that starts
 * with any of those texts is not the lane's. Quarkus then decides it as before. So a rule added later can only
 * send more requests the ordinary way, never let one past a rule; a path such as {@code /api/x/* /y} simply
 * keeps all of {@code /api/x/} off the lane.
 */
public final class PermissionTable {

    static final String PREFIX = "quarkus.http.auth.permission.";
    static final String AUTHENTICATED = "authenticated";
    static final String CATCH_ALL_PATH = "/api/*";

    private final List<String> otherRules;
    private final String notUsable;

    private PermissionTable(List<String> otherRules, String notUsable) {
        this.otherRules = otherRules;
        this.notUsable = notUsable;
    }

    /**
     * @param properties the configuration's {@code quarkus.http.auth.permission.*} keys with their values
     * @param catchAll   the name of the rule for {@code /api/*} (the gateway's is {@code api})
     */
    public static PermissionTable of(Map<String, String> properties, String catchAll) {
        TreeSet<String> names = new TreeSet<>();
        properties.keySet().stream().filter(k -> k.startsWith(PREFIX))
                .map(k -> k.substring(PREFIX.length()))
                .filter(rest -> rest.indexOf('.') > 0)
                .forEach(rest -> names.add(rest.substring(0, rest.indexOf('.'))));
        if (!names.contains(catchAll)) {
            return new PermissionTable(List.of(), "no permission rule named '" + catchAll + "'");
        }
        String catchAllPaths = properties.getOrDefault(PREFIX + catchAll + ".paths", "").strip();
        String catchAllPolicy = properties.getOrDefault(PREFIX + catchAll + ".policy", "").strip();
        if (!CATCH_ALL_PATH.equals(catchAllPaths) || !AUTHENTICATED.equals(catchAllPolicy)
                || properties.containsKey(PREFIX + catchAll + ".methods")
                || "false".equalsIgnoreCase(properties.getOrDefault(PREFIX + catchAll + ".enabled", "true").strip())) {
            return new PermissionTable(List.of(), "rule '" + catchAll + "' is not '" + CATCH_ALL_PATH + "' for every "
                    + "method with policy '" + AUTHENTICATED + "'");
        }
        List<String> others = new ArrayList<>();
        for (String name : names) {
            if (name.equals(catchAll)) {
                continue;
            }
            for (String path : properties.getOrDefault(PREFIX + name + ".paths", "").split(",")) {
                String literal = path.strip();
                int star = literal.indexOf('*');
                if (star >= 0) {
                    literal = literal.substring(0, star);
                }
                if (literal.endsWith("/") && literal.length() > 1) {
                    literal = literal.substring(0, literal.length() - 1);
                }
                if (literal.isEmpty() || "/".equals(literal)) {
                    // A rule over everything (or no path at all, which Quarkus refuses anyway): nothing is the lane's.
                    return new PermissionTable(List.of(), "rule '" + name + "' covers every path");
                }
                others.add(literal);
            }
        }
        return new PermissionTable(List.copyOf(others), null);
    }

    /** Why the table cannot tell the catch-all's paths apart, if it cannot: then no request takes the lane. */
    public Optional<String> notUsable() {
        return Optional.ofNullable(notUsable);
    }

    /**
     * Whether only the catch-all rule can apply to this path: under {@code /api/}, plain (no dot segment, double
     * slash, percent-encoding, backslash or matrix parameter, which Quarkus would normalise before matching), and
     * not starting with another rule's literal text.
     */
    public boolean onlyTheCatchAll(String path) {
        if (notUsable != null || path == null || !path.startsWith("/api/") || !plain(path)) {
            return false;
        }
        for (String other : otherRules) {
            if (path.startsWith(other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';' || c == '\\' || c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return !path.contains("//") && !path.contains("/./") && !path.contains("/../")
                && !path.endsWith("/.") && !path.endsWith("/..");
    }
}

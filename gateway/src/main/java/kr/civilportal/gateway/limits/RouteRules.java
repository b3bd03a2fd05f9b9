package kr.civilportal.gateway.limits;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * A route's request rules and those of its named endpoints ({@code portal.gateway.routes.<route>.endpoints.*}),
 * resolved per request: the endpoint with the longest path pattern whose pattern and methods match, else the
 * route's own. In a pattern an asterisk stands for one path segment (a parcel's PNU), a final double asterisk for
 * any rest. A web app's route never retries a POST, whatever it says.
 */
public final class RouteRules {

    private record Endpoint(Set<String> methods, Pattern path, int length, RequestRules rules) {
    }

    private final RequestRules route;
    private final List<Endpoint> endpoints;

    private RouteRules(RequestRules route, List<Endpoint> endpoints) {
        this.route = route;
        this.endpoints = endpoints;
    }

    public static RouteRules of(GatewayConfig.Route config) {
        GatewayConfig.Limits l = config.limits();
        boolean service = config.kind() == GatewayConfig.Kind.SERVICE;
        RequestRules own = new RequestRules(l.maxBody().asLongValue(), l.bufferedUpTo().asLongValue(),
                l.maxHeaders().asLongValue(), l.maxRequestLine().asLongValue(), l.bodyTimeout(),
                l.bodyMinRate().asLongValue(),
                mediaTypes(l.contentTypes().orElse(List.of())), service && config.retryKeyedPosts());
        List<Endpoint> endpoints = config.endpoints().values().stream().map(e -> new Endpoint(
                e.methods().orElse(List.of()).stream().map(m -> m.strip().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                pattern(e.path()), e.path().length(),
                new RequestRules(e.maxBody().map(m -> m.asLongValue()).orElse(own.maxBody()),
                        e.bufferedUpTo().map(m -> m.asLongValue()).orElse(own.bufferedUpTo()), own.maxHeaders(),
                        own.maxRequestLine(),
                        e.bodyTimeout().orElse(own.bodyTimeout()), own.bodyMinRate(),
                        e.contentTypes().map(RouteRules::mediaTypes).orElse(own.contentTypes()),
                        service && e.retryKeyedPosts().orElse(own.retryKeyedPosts()))))
                .sorted(Comparator.comparingInt(Endpoint::length).reversed()).toList();
        return new RouteRules(own, endpoints);
    }

    /** The rules for a request to {@code path} (no query) with {@code method}. */
    public RequestRules forRequest(String method, String path) {
        for (Endpoint e : endpoints) {
            if ((e.methods().isEmpty() || e.methods().contains(method)) && e.path().matcher(path).matches()) {
                return e.rules();
            }
        }
        return route;
    }

    /** The route's own rules. */
    public RequestRules route() {
        return route;
    }

    private static Pattern pattern(String path) {
        return Pattern.compile(Arrays.stream(path.split("/", -1))
                .map(s -> s.equals("**") ? ".*" : s.equals("*") ? "[^/]+" : Pattern.quote(s))
                .collect(Collectors.joining("/")) + "/?");
    }

    private static Set<String> mediaTypes(List<String> types) {
        return types.stream().map(RequestRules::mediaType).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

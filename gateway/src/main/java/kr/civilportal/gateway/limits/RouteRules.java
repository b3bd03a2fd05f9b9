package kr.civilportal.gateway.limits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * A route's request rules and those of its named endpoints ({@code portal.gateway.routes.<route>.endpoints.*}),
 * resolved per request: the most specific endpoint whose path pattern and methods match, else the route's own.
 * A pattern is a path in which an asterisk stands for one segment (a parcel's PNU in the owner change's path)
 * and a final double asterisk for any rest.
 */
public final class RouteRules {

    private static final String ONE_SEGMENT = "*";
    private static final String ANY_REST = "**";

    private record Endpoint(String name, Set<String> methods, String[] segments, boolean anyRest, RequestRules rules) {

        boolean matches(String method, String[] path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            if (anyRest ? path.length < segments.length : path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!(segments[i].equals(ONE_SEGMENT) ? !path[i].isEmpty() : segments[i].equals(path[i]))) {
                    return false;
                }
            }
            return true;
        }

        /** More segments first, then fewer wildcards: the most specific pattern wins. */
        int specificity() {
            int wildcards = 0;
            for (String s : segments) {
                wildcards += s.equals(ONE_SEGMENT) ? 1 : 0;
            }
            return segments.length * 100 - wildcards * 10 - (anyRest ? 1 : 0);
        }
    }

    private final RequestRules route;
    private final List<Endpoint> endpoints;

    private RouteRules(RequestRules route, List<Endpoint> endpoints) {
        this.route = route;
        this.endpoints = endpoints;
    }

    public static RouteRules of(GatewayConfig.Route config) {
        GatewayConfig.Limits limits = config.limits();
        // A web app's pages are forms: a POST sent twice could be two applications.
        boolean retry = config.kind() == GatewayConfig.Kind.SERVICE && config.retryKeyedPosts();
        RequestRules own = new RequestRules(limits.maxBody().asLongValue(), limits.bufferedUpTo().asLongValue(),
                limits.maxHeaders().asLongValue(), limits.bodyTimeout(), limits.bodyMinRate().asLongValue(),
                mediaTypes(limits.contentTypes().orElse(List.of())), retry);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Endpoint> e : config.endpoints().entrySet()) {
            GatewayConfig.Endpoint ep = e.getValue();
            String pattern = ep.path();
            boolean anyRest = pattern.endsWith("/" + ANY_REST);
            String[] segments = segments(anyRest ? pattern.substring(0, pattern.length() - ANY_REST.length() - 1) : pattern);
            RequestRules rules = new RequestRules(
                    ep.maxBody().map(m -> m.asLongValue()).orElse(own.maxBody()),
                    ep.bufferedUpTo().map(m -> m.asLongValue()).orElse(own.bufferedUpTo()),
                    own.maxHeaders(),
                    ep.bodyTimeout().orElse(own.bodyTimeout()),
                    own.bodyMinRate(),
                    ep.contentTypes().map(RouteRules::mediaTypes).orElse(own.contentTypes()),
                    config.kind() == GatewayConfig.Kind.SERVICE && ep.retryKeyedPosts().orElse(own.retryKeyedPosts()));
            Set<String> methods = ep.methods().orElse(List.of()).stream()
                    .map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            endpoints.add(new Endpoint(e.getKey(), methods, segments, anyRest, rules));
        }
        endpoints.sort(Comparator.comparingInt(Endpoint::specificity).reversed());
        return new RouteRules(own, List.copyOf(endpoints));
    }

    /** The rules for a request to {@code path} (no query) with {@code method}. */
    public RequestRules forRequest(String method, String path) {
        if (endpoints.isEmpty()) {
            return route;
        }
        String[] segments = segments(path);
        for (Endpoint endpoint : endpoints) {
            if (endpoint.matches(method, segments)) {
                return endpoint.rules();
            }
        }
        return route;
    }

    /** The rules of the route itself, whatever the path. */
    public RequestRules route() {
        return route;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    private static Set<String> mediaTypes(List<String> types) {
        return types.stream().map(RequestRules::mediaType).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

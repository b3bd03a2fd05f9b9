package kr.civilportal.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kr.civilportal.gateway.routing.GatewayConfig;
import org.junit.jupiter.api.Test;

/** Which rules a request gets, from the configuration as it is written in application.properties. */
class RouteRulesTest {

    @Test
    void theMostSpecificEndpointWinsAndEverythingElseHasTheRoutesRules() {
        RouteRules rules = RouteRules.of(route("passport", Map.of(
                "path-prefix", "/api/passport/",
                "limits.max-body", "64K",
                "limits.content-types", "application/json",
                "endpoints.photo.path", "/api/passport/v1/applications/*/photo",
                "endpoints.photo.methods", "PUT",
                "endpoints.photo.max-body", "500K",
                "endpoints.photo.content-types", "image/jpeg",
                "endpoints.anything.path", "/api/passport/v1/**",
                "endpoints.anything.max-body", "1K")));
        RequestRules photo = rules.forRequest("PUT", "/api/passport/v1/applications/3f2a/photo");
        assertEquals(500 * 1024, photo.maxBody());
        assertTrue(photo.accepts("image/jpeg"));
        assertFalse(photo.accepts("application/json"));
        // Another method, or another shape of path, is the route's own (or the catch-all endpoint's).
        assertEquals(1024, rules.forRequest("GET", "/api/passport/v1/applications/3f2a/photo").maxBody());
        assertEquals(1024, rules.forRequest("PUT", "/api/passport/v1/applications//photo").maxBody());
        assertEquals(64 * 1024, rules.forRequest("POST", "/api/passport/v2/applications").maxBody());
        assertTrue(rules.forRequest("POST", "/api/passport/v2/x").accepts("Application/JSON; charset=UTF-8"));
        assertFalse(rules.forRequest("POST", "/api/passport/v2/x").accepts(null), "a body without a type");
    }

    @Test
    void keyedPostsAreRetriedOnlyWhereDeclaredAndNeverOnAWebAppsRoute() {
        RouteRules service = RouteRules.of(route("passport", Map.of("path-prefix", "/api/passport/",
                "endpoints.booking.path", "/api/passport/v1/applications/*/appointment",
                "endpoints.booking.retry-keyed-posts", "true")));
        assertTrue(service.forRequest("POST", "/api/passport/v1/applications/1/appointment").retryKeyedPosts());
        assertFalse(service.forRequest("POST", "/api/passport/v1/applications/1/transitions").retryKeyedPosts());
        RouteRules page = RouteRules.of(route("citizen-web", Map.of("kind", "web-app", "paths", "/,/my/*",
                "retry-keyed-posts", "true")));
        assertFalse(page.forRequest("POST", "/my/passport").retryKeyedPosts());
    }

    @Test
    void aBodyIsGivenItsTimePlusASecondPerMinimumRateOfBytes() {
        RequestRules rules = RouteRules.of(route("r", Map.of("path-prefix", "/api/r/", "limits.body-timeout", "10s",
                "limits.body-min-rate", "32K", "limits.max-body", "64M", "limits.buffered-up-to", "32M"))).route();
        assertEquals(10_000, rules.bodyDeadlineMillis(0));
        assertEquals(11_000, rules.bodyDeadlineMillis(32 * 1024));
        // Unknown length: the time of the most that would be read (the buffered part).
        assertEquals(10_000 + 1024 * 1000, rules.bodyDeadlineMillis(-1));
        assertTrue(rules.readsFirst(32L * 1024 * 1024));
        assertFalse(rules.readsFirst(32L * 1024 * 1024 + 1));
        assertEquals(32L * 1024 * 1024, rules.unknownLengthLimit());
    }

    static GatewayConfig.Route route(String name, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "portal.gateway.connect-timeout", "1s",
                "portal.gateway.max-connections-per-route", "10",
                "portal.gateway.status.probe-timeout", "1s"));
        settings.forEach((k, v) -> properties.put("portal.gateway.routes." + name + "." + k, v));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class).routes().get(name);
    }
}

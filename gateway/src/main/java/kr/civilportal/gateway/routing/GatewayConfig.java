package kr.civilportal.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** {@code portal.gateway.*}: one route per service, keyed by the Stork service name. */
@ConfigMapping(prefix = "portal.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** How long to wait for a TCP connection to a replica before calling it unreachable. */
    Duration connectTimeout();

    /** Connections the gateway may hold open to one service: one service cannot take all of them. */
    int maxConnectionsPerRoute();

    Status status();

    interface Route {
        /** The path prefix routed to this service, e.g. {@code /api/passport/}; the path is passed on unchanged. */
        String pathPrefix();

        /** Without a byte from the service for this long, the caller gets a problem+json 503. */
        @WithDefault("2s")
        Duration timeout();

        /**
         * Longer idle time-outs for paths under this route that are slow by nature: a server-sent-event
         * stream between heartbeats, an upload from a phone on a weak connection. Keyed by path prefix.
         */
        Map<String, Duration> pathTimeouts();
    }

    interface Status {
        Duration probeTimeout();
    }
}

package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Publishes each service's OpenAPI document through the gateway, where app developers and their tools reach the
 * portal: {@code GET /api/residency/openapi.json} is the residency service's {@code /q/openapi} in JSON. The
 * services keep {@code /q/*} on their own ports (operators' paths, never routed); this maps the one public name
 * to it, and the path is open to anonymous callers ({@code quarkus.http.auth.permission.api-documents}).
 */
final class PublishedApiDocument implements ProxyInterceptor {

    /** The document's name under a service's path prefix. */
    static final String NAME = "openapi.json";
    private static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private final String publishedPath;

    PublishedApiDocument(String pathPrefix) {
        this.publishedPath = pathPrefix + NAME;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        if (context.request().getMethod() == HttpMethod.GET
                && publishedPath.equals(context.request().proxiedRequest().path())) {
            context.request().setURI(SERVICE_DOCUMENT);
        }
        return context.sendRequest();
    }
}

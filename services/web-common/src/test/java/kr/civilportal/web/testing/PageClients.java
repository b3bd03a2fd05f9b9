package kr.civilportal.web.testing;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.testsupport.contract.ProviderStandIn;

/**
 * The web apps' real REST client interfaces, built against a provider's stand-in, for their contract tests. Global
 * providers apply as on the pages (web-common's ApiRequestHeaders and ApiResponses), so a refusal arrives as the
 * pages meet it: a ServiceRefusedException carrying the problem.
 */
public final class PageClients {

    private PageClients() {
    }

    /**
     * A client whose calls carry {@code user}'s real Keycloak token, or none for {@code null}. On a page,
     * ApiRequestHeaders takes the token from the citizen's or official's session; no session runs here, so it is
     * set on the call.
     */
    public static <T> T client(ProviderStandIn provider, Class<T> api, String user) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(provider.uri());
        if (user != null) {
            String token = Tokens.of(user);
            builder.register((ClientRequestFilter) request ->
                    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
        return builder.build(api);
    }

    /**
     * Runs a call on a thread of its own. The test method's thread has a request context but no HTTP request, and
     * ApiRequestHeaders, seeing the context, would look for the page's request (its address, its waiting-room
     * cookies); outside any request context it passes nothing on, as it documents for calls made outside a page.
     */
    public static <T> T outsideAPage(Callable<T> call) throws Throwable {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } finally {
            thread.shutdown();
        }
    }
}

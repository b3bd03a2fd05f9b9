package kr.civilportal.admin.contract;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The signed-in user's access token on a client's calls, as web-common's ApiRequestHeaders sets it during a page's
 * request (a contract test calls the client outside of one).
 */
final class SignedIn implements ClientRequestFilter {

    private final String token;

    SignedIn(String token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}

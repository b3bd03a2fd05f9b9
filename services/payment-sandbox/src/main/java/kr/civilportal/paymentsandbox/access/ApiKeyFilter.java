package kr.civilportal.paymentsandbox.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import kr.civilportal.paymentsandbox.PaymentSandboxSettings;
import kr.civilportal.paymentsandbox.problem.ProblemException;
import kr.civilportal.paymentsandbox.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /v1/**} call must carry {@code Authorization: Bearer <api-key>}, as a PG's secret key: only the
 * service that owns the payments may create, read or refund them. The hosted page ({@code /pay/**}) is for the
 * citizen's browser and needs no key; the payment id in its URL is unguessable.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] apiKey;

    ApiKeyFilter(PaymentSandboxSettings settings) {
        this.apiKey = settings.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireApiKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        byte[] given = bearer ? header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // Constant time: the comparison must not tell how much of a guessed key was right.
        if (bearer && MessageDigest.isEqual(given, apiKey)) {
            return null;
        }
        return ProblemMappers.answer(ProblemException.unauthenticated().problem().withInstance(path));
    }
}

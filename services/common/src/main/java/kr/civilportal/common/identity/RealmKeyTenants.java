package kr.civilportal.common.identity;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * While the identity provider cannot be reached, a bearer token is checked by Quarkus OIDC against the kept realm
 * key it names ({@code kid}): one tenant per key, made from the app's own OIDC settings (audience, roles) with that
 * key as its {@code public-key}, so signature, expiry, issuer and audience are checked as always, locally. While
 * Keycloak answers, nothing changes: the default tenant, with Keycloak's keys and their rotation, decides.
 * <ul>
 * <li>A token naming a key not kept: Keycloak is asked again at once (it may be back with a new key); if it is
 * still away, the token is checked against a kept key, which its signature cannot match: 401, not 500.</li>
 * <li>No key kept at all: the default tenant, which cannot start without Keycloak: the 503 of
 * {@link IdentityProviderOutage}.</li>
 * </ul>
 * Service apps only (the four services, the gateway): Quarkus OIDC checks a public key for bearer tokens alone, and
 * a web app cannot sign anyone in without Keycloak anyway.
 */
@ApplicationScoped
public class RealmKeyTenants implements TenantConfigResolver {

    static final String TENANT_PREFIX = "realm-key-";
    private static final String BEARER = "bearer ";

    private final RealmKeys keys;
    private final OidcConfig oidc;
    private final boolean serviceApp;
    /** The same config for the same key: Quarkus OIDC keeps a tenant per id and rebuilds it if handed another. */
    private final Map<String, OidcTenantConfig> tenants = new ConcurrentHashMap<>();

    @Inject
    RealmKeyTenants(RealmKeys keys, OidcConfig oidc) {
        this.keys = keys;
        this.oidc = oidc;
        this.serviceApp = OidcConfig.getDefaultTenant(oidc).applicationType()
                .map(type -> type == io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.SERVICE)
                .orElse(true);
    }

    /** Whether kept keys check tokens here: in a service app, not in a web app. */
    public boolean checksWithKeptKeys() {
        return serviceApp;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext request, OidcRequestContext<OidcTenantConfig> context) {
        if (!serviceApp || keys.identityProviderAnswers()) {
            return Uni.createFrom().nullItem();
        }
        Optional<String> token = bearerToken(request);
        RealmKeySet kept = keys.current();
        if (token.isEmpty()) {
            // Nothing to check: a public endpoint is served, a protected one challenged (401).
            return Uni.createFrom().item(anyKeptKey(kept));
        }
        Optional<String> kid = keyId(token.get());
        Optional<OidcTenantConfig> named = kid.flatMap(id -> tenant(kept, id));
        if (named.isPresent()) {
            return Uni.createFrom().item(named.get());
        }
        // The answer arrives on the HTTP client's event loop: go back to this request's own (duplicated) context
        // before Quarkus OIDC goes on, or its request scope is not active there and the request fails with a 500
        // (seen when an app restarted while Keycloak was away got its first token just as Keycloak came back).
        io.vertx.core.Context requestContext = io.vertx.core.Vertx.currentContext();
        Uni<Boolean> recheck = requestContext == null ? keys.recheck()
                : keys.recheck().emitOn(command -> requestContext.runOnContext(ignored -> command.run()));
        return recheck.map(answered -> {
            if (answered) {
                return null;
            }
            RealmKeySet now = keys.current();
            return kid.flatMap(id -> tenant(now, id)).orElseGet(() -> anyKeptKey(now));
        });
    }

    /** A kept key's tenant, or null (the default tenant) if none is kept. */
    private OidcTenantConfig anyKeptKey(RealmKeySet kept) {
        return kept.anyKeyId().flatMap(id -> tenant(kept, id)).orElse(null);
    }

    private Optional<OidcTenantConfig> tenant(RealmKeySet kept, String kid) {
        return kept.publicKey(kid).map(publicKey -> tenants.compute(TENANT_PREFIX + kid, (id, existing) ->
                existing != null && existing.publicKey().equals(Optional.of(publicKey)) ? existing
                        : tenantConfig(id, publicKey, kept.issuer())));
    }

    private OidcTenantConfig tenantConfig(String tenantId, String publicKey, Optional<String> issuer) {
        io.quarkus.oidc.runtime.OidcTenantConfig own = OidcConfig.getDefaultTenant(oidc);
        String expectedIssuer = own.token().issuer().or(() -> issuer).or(() -> own.authServerUrl())
                .orElseThrow(() -> new IllegalStateException("No issuer to check tokens against"));
        // No server: Quarkus OIDC then checks with the public key alone and contacts nobody.
        return OidcTenantConfig.builder(own).tenantId(tenantId).authServerUrl(null).discoveryEnabled(false)
                .publicKey(publicKey)
                .token().issuer(expectedIssuer).end()
                .build();
    }

    static Optional<String> bearerToken(RoutingContext request) {
        String authorization = request.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }

    /** The header's key id, read without checking anything: the check is Quarkus OIDC's, with that key. */
    static Optional<String> keyId(String token) {
        try {
            return Optional.ofNullable(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue());
        } catch (JoseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

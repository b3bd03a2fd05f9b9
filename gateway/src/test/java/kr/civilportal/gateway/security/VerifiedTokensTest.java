package kr.civilportal.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T01:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final VerifiedTokens tokens = new VerifiedTokens(1000, Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresAndNoLonger() {
        tokens.remember("token-a", identity("citizen", now.get().plusSeconds(60)));

        assertEquals("citizen", tokens.find("token-a").orElseThrow().getPrincipal().getName());
        assertTrue(tokens.find("token-b").isEmpty(), "another token is not known");
        assertTrue(tokens.find("token-a ").isEmpty(), "nor one differing by a character");

        now.set(now.get().plusSeconds(60));
        assertTrue(tokens.find("token-a").isEmpty(), "expired: verified again (and refused) by OIDC");
    }

    @Test
    void anExpiredOrExpiryLessTokenIsNotRemembered() {
        tokens.remember("old", identity("citizen", now.get().minusSeconds(1)));
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertTrue(tokens.find("old").isEmpty());
        assertTrue(tokens.find("anonymous").isEmpty());
        assertEquals(0, tokens.size());
    }

    private static QuarkusSecurityIdentity identity(String subject, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
    }
}

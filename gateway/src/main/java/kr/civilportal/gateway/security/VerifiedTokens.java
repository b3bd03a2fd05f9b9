package kr.civilportal.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the gateway has already verified, until they expire. Checking an RS256 signature is about half
 * of the gateway's CPU per request (measured by GatewayOverheadBenchmark with JFR), and a phone sends the same
 * token for every call for its whole life (10 minutes). The answer to "is this exact token valid" cannot change
 * before its {@code exp} — the gateway never introspects, so revocation is not seen either way — hence
 * remembering it changes nothing but the cost. Keyed by the token's SHA-256, never the token itself, and
 * bounded in size and age. The services verify the token again themselves.
 */
public final class VerifiedTokens {

    private final Cache<String, Verified> cache;
    private final Clock clock;

    record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String key, Verified value, long currentTime) {
                        Duration left = Duration.between(clock.instant(), value.expiresAt());
                        return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The identity of a token verified before and not yet expired. */
    public Optional<SecurityIdentity> find(String token) {
        Verified verified = cache.getIfPresent(key(token));
        if (verified == null || !clock.instant().isBefore(verified.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(verified.identity());
    }

    /** Remembers a verified token's identity; only a JWT with an expiry is remembered. */
    public void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (clock.instant().isBefore(expiresAt)) {
            cache.put(key(token), new Verified(identity, expiresAt));
        }
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String key(String token) {
        MessageDigest sha256 = SHA_256.get();
        return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** One digest per thread (event loop), not a provider look-up per request; digest() resets it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });
}

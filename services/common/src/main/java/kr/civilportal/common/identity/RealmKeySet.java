package kr.civilportal.common.identity;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The realm's token-signing keys as last seen from the identity provider: a JWK Set (RFC 7517) as Keycloak
 * publishes it, with two members of our own that JWK Set readers ignore: the realm's {@code issuer} and when the
 * keys were fetched. Kept in a file (or a Kubernetes ConfigMap) so that an app started while Keycloak is away can
 * still check tokens. Only RSA signing keys are kept: the realm signs with RS256, and Quarkus OIDC's local key
 * verification takes an RSA public key.
 */
public final class RealmKeySet {

    static final String ISSUER = "issuer";
    static final String FETCHED_AT = "fetched_at";

    private final String issuer;
    private final Instant fetchedAt;
    /** Key id ({@code kid}) to the X.509 SubjectPublicKeyInfo, Base64: the form Quarkus OIDC's public-key takes. */
    private final Map<String, String> publicKeys;

    private RealmKeySet(String issuer, Instant fetchedAt, Map<String, String> publicKeys) {
        this.issuer = issuer;
        this.fetchedAt = fetchedAt;
        this.publicKeys = Collections.unmodifiableMap(publicKeys);
    }

    public static RealmKeySet empty() {
        return new RealmKeySet(null, null, Map.of());
    }

    /**
     * Reads a JWK Set: the identity provider's own (then {@code issuer} and {@code fetchedAt} are given) or a kept
     * one (then they are read from it, and the arguments are only the fallback).
     *
     * @throws IllegalArgumentException if it is not a JWK Set
     */
    public static RealmKeySet parse(String json, String issuer, Instant fetchedAt) {
        try {
            JsonWebKeySet set = new JsonWebKeySet(json);
            Map<String, Object> members = org.jose4j.json.JsonUtil.parseJson(json);
            Map<String, String> keys = new LinkedHashMap<>();
            for (JsonWebKey key : set.getJsonWebKeys()) {
                boolean signing = key.getUse() == null || org.jose4j.jwk.Use.SIGNATURE.equals(key.getUse());
                if (signing && key.getKeyId() != null && key instanceof RsaJsonWebKey rsa) {
                    keys.put(key.getKeyId(), Base64.getEncoder().encodeToString(rsa.getPublicKey().getEncoded()));
                }
            }
            String keptIssuer = members.get(ISSUER) instanceof String s ? s : issuer;
            Instant keptAt = members.get(FETCHED_AT) instanceof String s ? Instant.parse(s) : fetchedAt;
            return new RealmKeySet(keptIssuer, keptAt, keys);
        } catch (JoseException | ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a JWK Set: " + e.getMessage(), e);
        }
    }

    /** The identity provider's JWK Set with our two members added, for the file. */
    public static String keep(String providerJson, String issuer, Instant fetchedAt) {
        try {
            Map<String, Object> members = new LinkedHashMap<>(org.jose4j.json.JsonUtil.parseJson(providerJson));
            members.put(ISSUER, issuer);
            members.put(FETCHED_AT, fetchedAt.toString());
            return org.jose4j.json.JsonUtil.toJson(members);
        } catch (JoseException e) {
            throw new IllegalArgumentException("Not a JWK Set: " + e.getMessage(), e);
        }
    }

    public Optional<String> publicKey(String kid) {
        return Optional.ofNullable(kid == null ? null : publicKeys.get(kid));
    }

    /** Any one key's id, to refuse (401) a token whose key is not among them: its signature cannot match. */
    public Optional<String> anyKeyId() {
        return publicKeys.keySet().stream().findFirst();
    }

    public boolean isEmpty() {
        return publicKeys.isEmpty();
    }

    public int size() {
        return publicKeys.size();
    }

    /** Same keys, whatever the fetch time: no need to write the file again. */
    public boolean sameKeysAs(RealmKeySet other) {
        return publicKeys.equals(other.publicKeys) && java.util.Objects.equals(issuer, other.issuer);
    }

    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<Instant> fetchedAt() {
        return Optional.ofNullable(fetchedAt);
    }
}

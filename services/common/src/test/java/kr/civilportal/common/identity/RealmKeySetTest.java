package kr.civilportal.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the realm's published keys and keeping them, as a restarted app will read them back. */
class RealmKeySetTest {

    static final String ISSUER = "https://login.example.go.kr/realms/portal";
    static final Instant FETCHED = Instant.parse("2026-12-03T09:00:00Z");

    /** As Keycloak publishes a realm's keys: an RS256 signing key and an RSA-OAEP encryption key. */
    static String keycloakLikeJwks(RsaJsonWebKey signing) throws Exception {
        RsaJsonWebKey encryption = RsaJwkGenerator.generateJwk(2048);
        encryption.setKeyId("enc-key");
        encryption.setUse(Use.ENCRYPTION);
        JsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-key");
        ec.setUse(Use.SIGNATURE);
        return new JsonWebKeySet(signing, encryption, ec).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static RsaJsonWebKey signingKey(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        key.setUse(Use.SIGNATURE);
        return key;
    }

    @Test
    void keepsTheRsaSigningKeysByIdAsThePublicKeyQuarkusOidcTakes() throws Exception {
        RsaJsonWebKey signing = signingKey("sig-key");
        RealmKeySet keys = RealmKeySet.parse(keycloakLikeJwks(signing), ISSUER, FETCHED);

        assertEquals(1, keys.size(), "the encryption key and the EC key are not kept");
        assertEquals(Optional.of(Base64.getEncoder().encodeToString(signing.getPublicKey().getEncoded())),
                keys.publicKey("sig-key"));
        assertTrue(keys.publicKey("enc-key").isEmpty());
        assertTrue(keys.publicKey(null).isEmpty());
        assertEquals(Optional.of("sig-key"), keys.anyKeyId());
        assertEquals(Optional.of(ISSUER), keys.issuer());
        assertEquals(Optional.of(FETCHED), keys.fetchedAt());
    }

    @Test
    void aKeptFileIsReadBackWithItsIssuerAndTimeAndIsStillAJwkSet(@TempDir Path dir) throws Exception {
        RsaJsonWebKey signing = signingKey("sig-key");
        Path file = dir.resolve("realm-keys/jwks.json");
        RealmKeys.write(file, RealmKeySet.keep(keycloakLikeJwks(signing), ISSUER, FETCHED));

        String kept = Files.readString(file);
        RealmKeySet read = RealmKeySet.parse(kept, "https://other.example/realms/x", Instant.EPOCH);
        assertEquals(Optional.of(ISSUER), read.issuer(), "the kept issuer wins over the fallback");
        assertEquals(Optional.of(FETCHED), read.fetchedAt());
        assertTrue(read.sameKeysAs(RealmKeySet.parse(keycloakLikeJwks(signing), ISSUER, FETCHED)));
        assertEquals(3, new JsonWebKeySet(kept).getJsonWebKeys().size(), "any JWK Set reader can still read it");
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aRotationIsADifferentSetAndAnEmptyOneKeepsNothing() throws Exception {
        RealmKeySet before = RealmKeySet.parse(keycloakLikeJwks(signingKey("old")), ISSUER, FETCHED);
        RealmKeySet after = RealmKeySet.parse(keycloakLikeJwks(signingKey("new")), ISSUER, FETCHED);
        assertFalse(before.sameKeysAs(after));
        assertTrue(RealmKeySet.empty().isEmpty());
        assertTrue(RealmKeySet.empty().anyKeyId().isEmpty());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RealmKeySet.parse("<html>502</html>", ISSUER, FETCHED));
        assertThrows(IllegalArgumentException.class, () -> RealmKeySet.parse("{\"keys\":\"none\"}", ISSUER, FETCHED));
        assertThrows(IllegalArgumentException.class,
                () -> RealmKeySet.parse("{\"keys\":[],\"fetched_at\":\"yesterday\"}", ISSUER, FETCHED));
    }
}

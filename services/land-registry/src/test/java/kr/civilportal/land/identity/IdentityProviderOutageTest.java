package kr.civilportal.land.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import kr.civilportal.common.identity.RealmKeySet;
import kr.civilportal.testsupport.FreePort;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.Tokens;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Land-registry started while the identity provider cannot be reached: nothing listens where Keycloak
 * should be. Without kept realm keys, a signed-in request (a token Keycloak really issued) gets a 503 problem+json
 * with Retry-After instead of a 500; once the realm's keys are kept where the app reads them, the same token is
 * served, and a tampered or forged token is refused 401. Public verification is served throughout, and the
 * readiness detail says how tokens are checked.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.KeycloakUnreachable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderOutageTest {

    static final Path KEPT_KEYS = Path.of("target/identity-provider-outage-test/realm-keys.json").toAbsolutePath();
    static final String PARCEL = "/api/land/v1/parcels/1111010100100010000";

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // Kept from an earlier run, it would be read at start: this test keeps them itself, midway.
                Files.deleteIfExists(KEPT_KEYS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.oidc.auth-server-url",
                    "http://127.0.0.1:" + FreePort.belowEphemeralRange() + "/realms/portal",
                    "portal.identity.realm-keys.file", KEPT_KEYS.toString());
        }
    }

    @Test
    @Order(1)
    void withoutKeptKeysASignedInRequestGets503AndWithThemItIsServed() throws Exception {
        String citizen = Tokens.of("citizen");
        given().auth().oauth2(citizen)
                .when().get(PARCEL)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("urn:civilportal:problem:identity-provider-unavailable"))
                .body("detailKo", containsString("잠시 후 다시"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'identity-provider' }.data.tokens", containsString("cannot be checked"));

        // What the app would have written while Keycloak answered (or Kubernetes mounted): the realm's keys.
        keepRealmKeys();

        given().auth().oauth2(citizen)
                .when().get(PARCEL)
                .then().statusCode(200)
                .body("pnu", equalTo("1111010100100010000"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'identity-provider' }.data.tokens",
                        containsString("checked with the 1 realm key(s) kept at"));
    }

    @Test
    @Order(2)
    void aTamperedOrForgedTokenIsRefused401NotServedAndNot500() throws Exception {
        keepRealmKeys();
        String citizen = Tokens.of("citizen");
        String[] parts = citizen.split("\\.");

        // The real signature over a changed body: someone else's subject.
        String otherSubject = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"someone-else\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(tampered);

        // The same claims signed by another key under the realm key's id, and under an id nobody issued.
        String kid = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0])).get("kid").asText();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        refused(forged(claims, kid));
        refused(forged(claims, "made-up-key-id"));
        refused("not-a-token");

        // Public: whether an extract number was issued needs no sign-in.
        given().when().get("/api/land/v1/extracts/1234-5678-9012-3452")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:extract-not-issued"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("identity-provider"));
    }

    static void refused(String token) {
        given().auth().oauth2(token)
                .when().get(PARCEL)
                .then().statusCode(401);
    }

    static String forged(String claims, String kid) throws Exception {
        RsaJsonWebKey someoneElses = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(someoneElses.getPrivateKey());
        return jws.getCompactSerialization();
    }

    /** The test Keycloak's published keys, kept as the app keeps them (with the realm's issuer). */
    static void keepRealmKeys() throws Exception {
        String issuer = System.getProperty(KeycloakResource.TOKEN_ENDPOINT_PROPERTY)
                .replace("/protocol/openid-connect/token", "");
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs")).build(),
                HttpResponse.BodyHandlers.ofString());
        Files.createDirectories(KEPT_KEYS.getParent());
        Files.writeString(KEPT_KEYS, RealmKeySet.keep(jwks.body(), issuer, Instant.now()));
    }
}

package kr.civilportal.app.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheExampleOfRfc7636() {
        // RFC 7636, appendix B.
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge());
    }

    @Test
    void eachSignInHasItsOwnVerifierOfAllowedCharacters() {
        Pkce one = Pkce.generate();
        Pkce two = Pkce.generate();
        assertNotEquals(one.verifier(), two.verifier());
        assertTrue(one.verifier().matches("[A-Za-z0-9_-]{43,128}"), one.verifier());
    }
}

package kr.civilportal.land.ownerchange;

import jakarta.json.JsonString;
import java.util.UUID;
import kr.civilportal.common.identity.ResidentIdClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who files an owner-change request (신청인), as their token says: their resident id (to tell them of the decision)
 * and their personal name, used only to see whether they file for themself and never stored.
 *
 * @param residentId the token's {@code resident_id} claim; null when absent or not an id
 * @param name the person's name in Korean order (family name then given name, without a space); null when unknown
 */
public record Filer(UUID residentId, String name) {

    /** The token claim Keycloak fills from the user's {@code resident_id} attribute. */
    static final String RESIDENT_CLAIM = ResidentIdClaim.CLAIM;

    static Filer of(JsonWebToken token) {
        return new Filer(residentIdOf(token.getClaim(RESIDENT_CLAIM)), nameOf(token));
    }

    /** Whether the owner named in a filing is the filer: the same name, spaces aside (홍 길동 is 홍길동). */
    boolean isNamed(String ownerName) {
        return name != null && ownerName != null && compact(ownerName).equals(compact(name));
    }

    /** A value that is not a UUID links to nothing rather than failing the filing, as in the other services. */
    static UUID residentIdOf(Object claim) {
        return ResidentIdClaim.of(claim);
    }

    /**
     * Korean names are family name first (김지민), whatever order Keycloak's {@code name} claim uses; without both
     * parts the {@code name} claim is taken as it is.
     */
    private static String nameOf(JsonWebToken token) {
        String family = text(token.getClaim("family_name"));
        String given = text(token.getClaim("given_name"));
        if (family != null && given != null) {
            return family + given;
        }
        return text(token.getClaim("name"));
    }

    private static String text(Object claim) {
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String compact(String name) {
        return name.replaceAll("\\s+", "");
    }
}

package kr.civilportal.land.ownerchange;

import java.util.Set;
import kr.civilportal.common.identity.OfficesClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The land officer calling, from their token: the subject holds requests (stable), the user name is what other
 * officers and the read log see, the offices are their 관할.
 */
record LandOfficer(String subject, String name, Set<String> offices) {

    static LandOfficer of(JsonWebToken token) {
        return new LandOfficer(token.getSubject(), userName(token), OfficesClaim.of(token.getClaim(OfficesClaim.CLAIM)));
    }

    /** The token's {@code preferred_username}, or its subject when it has none. */
    static String userName(JsonWebToken token) {
        String name = token.getClaim("preferred_username");
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}

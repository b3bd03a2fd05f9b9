package kr.civilportal.land.ownerchange;

import java.util.Set;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.land.owner.OwnerNameReads;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The land officer calling, from their token: the subject holds requests (stable), the user name is what other
 * officers and the read log see, the offices are their 관할.
 */
record LandOfficer(String subject, String name, Set<String> offices) {

    static LandOfficer of(JsonWebToken token) {
        return new LandOfficer(token.getSubject(), OwnerNameReads.userName(token),
                OfficesClaim.of(token.getClaim(OfficesClaim.CLAIM)));
    }
}

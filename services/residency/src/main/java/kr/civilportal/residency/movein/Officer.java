package kr.civilportal.residency.movein;

import java.util.Set;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The residency officer calling, from their token: the subject holds reports (stable), the user name is what other
 * officers and the access log read, the offices are their 관할.
 */
record Officer(String subject, String name, Set<String> offices) {

    static Officer of(JsonWebToken token) {
        return new Officer(token.getSubject(), Callers.official(token),
                OfficesClaim.of(token.getClaim(OfficesClaim.CLAIM)));
    }
}

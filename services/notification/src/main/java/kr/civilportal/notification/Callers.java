package kr.civilportal.notification;

import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the citizen's resident id from the token (the same claim residency reads). */
public final class Callers {

    /** The token claim Keycloak fills from the user's {@code resident_id} attribute. */
    public static final String RESIDENT_CLAIM = "resident_id";

    private Callers() {
    }

    /** The caller's resident id; a 404 problem when the account has no resident record linked. */
    public static UUID residentId(JsonWebToken token) {
        Object claim = token == null ? null : token.getClaim(RESIDENT_CLAIM);
        if (claim != null) {
            try {
                return UUID.fromString(claim.toString().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                // fall through: a malformed claim is the same as none
            }
        }
        throw ProblemException.notFound("Your account is not linked to a resident record, so it has no notifications.",
                "계정에 주민 정보가 연결되어 있지 않아 알림이 없습니다.");
    }
}

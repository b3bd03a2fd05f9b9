package kr.civilportal.residency.resident;

import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the citizen's resident id, or the official's user name, taken from the token. */
public final class Callers {

    /** The token claim Keycloak fills from the user's {@code resident_id} attribute. */
    static final String RESIDENT_CLAIM = "resident_id";

    private Callers() {
    }

    /** The caller's own resident id; a 404 problem when the account has no resident record linked. */
    public static UUID residentId(JsonWebToken token) {
        Object claim = token.getClaim(RESIDENT_CLAIM);
        if (claim != null) {
            try {
                return UUID.fromString(claim.toString().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                // fall through: a malformed claim is the same as none
            }
        }
        throw ResidentRecords.noRecord();
    }

    /** The official's user name, as it goes into the access log and a decided petition. */
    public static String official(JsonWebToken token) {
        String name = token.getClaim("preferred_username");
        if (name == null || name.isBlank()) {
            throw new ProblemException(kr.civilportal.common.problem.ProblemType.FORBIDDEN,
                    "Your token does not name you, so the access cannot be logged.",
                    "토큰에 사용자 이름이 없어 열람 기록을 남길 수 없습니다.");
        }
        return name;
    }
}

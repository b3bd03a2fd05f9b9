package kr.civilportal.common.identity;

import jakarta.json.JsonString;
import java.util.UUID;

/**
 * The resident a citizen's account is linked to, as the realm puts it in the access token: the user attribute
 * {@code resident_id} mapped into the {@code resident_id} claim (infra/keycloak/README.md). Every service that ties a
 * petition or a notification to a resident reads it here, so that they agree on what a malformed claim means: no
 * resident, rather than a failed request.
 */
public final class ResidentIdClaim {

    /** The claim that names the caller's resident id. */
    public static final String CLAIM = "resident_id";

    private ResidentIdClaim() {
    }

    /** The claim as a resident id; null when absent, blank or not a UUID. */
    public static UUID of(Object claim) {
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

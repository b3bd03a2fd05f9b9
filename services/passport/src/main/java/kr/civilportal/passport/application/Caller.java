package kr.civilportal.passport.application;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.common.identity.ResidentIdClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as applications care (an applicant or an officer): the token's {@code sub}, its
 * {@code resident_id} claim (null when absent or not an id), whether the caller is a passport officer (여권 담당
 * 공무원), and the passport offices they work for (관할: the {@code offices} claim, from the realm's user attribute
 * {@code office}).
 */
public record Caller(String subject, UUID residentId, boolean officer, Set<String> offices) {

    /** The claim that names the offices an official works for. */
    public static final String OFFICES_CLAIM = OfficesClaim.CLAIM;
    static final String RESIDENT_CLAIM = ResidentIdClaim.CLAIM;

    public Caller {
        offices = Set.copyOf(offices);
    }

    /** A caller who works for no office: an applicant. */
    public Caller(String subject, UUID residentId, boolean officer) {
        this(subject, residentId, officer, Set.of());
    }

    /** The caller of this request. */
    public static Caller of(JsonWebToken token, SecurityIdentity identity) {
        return new Caller(token.getSubject(), residentIdOf(token.getClaim(RESIDENT_CLAIM)),
                identity.hasRole(ApplicationResource.OFFICER), officesOf(token.getClaim(OFFICES_CLAIM)));
    }

    /** Reads the {@code resident_id} claim; a value that is not a UUID links to nothing rather than failing. */
    public static UUID residentIdOf(Object claim) {
        return ResidentIdClaim.of(claim);
    }

    /** The {@code offices} claim as a set (portal-common's reading, which every service shares). */
    static Set<String> officesOf(Object claim) {
        return OfficesClaim.of(claim);
    }

    /**
     * The application is this officer's office's (관할), or from before offices (every officer's, so none is left
     * without an office to process it).
     */
    public boolean inJurisdiction(PassportApplication application) {
        return application.officeId == null || offices.contains(application.officeId);
    }

    /**
     * An applicant reads their own applications and an officer those of their offices. Anyone else is told the
     * application does not exist (404, not 403), so ids cannot be probed for existence, nor another office's cases.
     */
    public boolean mayRead(PassportApplication application) {
        return officer ? inJurisdiction(application) : subject.equals(application.applicantSubject);
    }
}

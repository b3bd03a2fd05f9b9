package kr.civilportal.passport.application;

import java.util.UUID;

/**
 * Who is calling, as far as applications care (an applicant or an officer): the token's {@code sub}, its {@code resident_id} claim (null
 * when absent or not an id), and whether the caller is a passport officer (여권 담당 공무원).
 */
public record Caller(String subject, UUID residentId, boolean officer) {

    /** Reads the {@code resident_id} claim; a value that is not a UUID links to nothing rather than failing. */
    public static UUID residentIdOf(String claim) {
        if (claim == null || claim.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(claim.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An applicant reads their own applications and an officer reads any. Anyone else is told the
     * application does not exist (404, not 403), so ids cannot be probed for existence.
     */
    public boolean mayRead(PassportApplication application) {
        return officer || subject.equals(application.applicantSubject);
    }
}

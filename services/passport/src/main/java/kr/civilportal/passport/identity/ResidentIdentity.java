package kr.civilportal.passport.identity;

import java.time.LocalDate;
import java.util.UUID;

/** What residency tells passport about an applicant: registered, and the birth date (for the age rules). */
public record ResidentIdentity(UUID residentId, boolean registered, LocalDate birthDate) {
}

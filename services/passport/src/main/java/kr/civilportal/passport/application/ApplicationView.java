package kr.civilportal.passport.application;

import java.time.Instant;
import java.util.UUID;

/** An application as its applicant and the officers see it. */
public record ApplicationView(
        UUID id,
        ApplicationKind kind,
        Validity validity,
        int pages,
        ApplicationStatus status,
        Instant submittedAt) {
}

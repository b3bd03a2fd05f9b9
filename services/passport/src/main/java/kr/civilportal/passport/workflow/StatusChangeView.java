package kr.civilportal.passport.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.identity.IdentityCheck;

/**
 * One step of the history as the applicant and officers see it; {@code from} is absent for the submission.
 * An identity-check step (본인 확인) keeps the status ({@code from == to}) and names its outcome in
 * {@code identityCheck}; {@code by} is the officer's {@code sub}, or {@code passport-service} for the automatic check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChangeView(ApplicationStatus from, ApplicationStatus to, String by, String reason,
                               LocalDate supplementDeadline, Instant at, IdentityCheck identityCheck) {
}

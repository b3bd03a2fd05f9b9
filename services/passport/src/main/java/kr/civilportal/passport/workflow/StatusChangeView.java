package kr.civilportal.passport.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.passport.application.ApplicationStatus;

/** One step of the history as the applicant and officers see it; {@code from} is absent for the submission. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChangeView(ApplicationStatus from, ApplicationStatus to, String by, String reason,
                               LocalDate supplementDeadline, Instant at) {
}

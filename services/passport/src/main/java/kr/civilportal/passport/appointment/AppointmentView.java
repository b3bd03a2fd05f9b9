package kr.civilportal.passport.appointment;

import java.time.Instant;
import java.util.UUID;

/** A booked pickup: where and when the applicant collects the passport. */
public record AppointmentView(UUID applicationId, UUID slotId, String officeId, String officeName,
                              Instant startsAt, Instant bookedAt) {
}

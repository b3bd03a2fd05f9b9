package kr.civilportal.citizen.appointment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A booked pickup (교부 예약). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Appointment(UUID slotId, String officeName, Instant startsAt, Instant bookedAt) {
}
